"""The labelling loop: reviewers' corrections become gold data that `train` reads."""
