"""What the ILO classifier and the keyword baseline read for one finding."""

from __future__ import annotations

from pydantic import BaseModel

from extractor.record.schema import Standard


class ClassifierInput(BaseModel):
    text: str
    clause: str | None = None
    topic: str | None = None
    standard: Standard = "generic"
