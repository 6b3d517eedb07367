"""What the ILO classifier and the keyword baseline read for one finding, and a finding with its
true codes for training and evaluation."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from extractor.record.schema import FindingKind, Standard


class ClassifierInput(BaseModel):
    text: str
    clause: str | None = None
    topic: str | None = None
    standard: Standard = "generic"
    # None when the reader could not tell; the classifier then treats it as a non-compliance.
    kind: FindingKind | None = None


class LabelledFinding(BaseModel):
    """A finding's classifier input with its gold codes (one JSON line in the wording sets)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    kind: FindingKind = "non_compliance"
    standard: Standard = "generic"
    clause: str | None = None
    topic: str | None = None
    codes: list[str]
    # Where the wording came from (template key, gold document): cross-validation keeps a
    # group's findings on one side, so scores reflect wording the model has not seen.
    group: str | None = None
    style: str | None = None

    def as_input(self) -> ClassifierInput:
        return ClassifierInput(
            text=self.text,
            clause=self.clause,
            topic=self.topic,
            standard=self.standard,
            kind=self.kind,
        )
