"""The one compiled part: the boosted trees' walk (`extractor/inference/_walk.c`, Python's C API
only). Everything else is declared in pyproject.toml. Optional: an install without a compiler
still works and walks the trees with numpy, to the same bits (about 2x slower)."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "extractor.inference._walk",
            sources=["extractor/inference/_walk.c"],
            optional=True,
        )
    ]
)
