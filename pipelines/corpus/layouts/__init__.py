"""The registry of layouts: one module per visual template, each with PROFILE and render()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..model import ReportSpec
from ..profile import Profile
from ..render import ProvenanceLog

LAYOUT_NAMES = (
    "smeta6_capr_table",
    "smeta7_table",
    "bsci_table",
    "sa8000_prose",
    "sa8000_table",
    "rba_table",
    "legacy_two_column",
    "legacy_numbered",
    "legacy_split_table",
    "bsci_prose",
    "rba_prose",
    "legacy_numbered_b",
)


@dataclass(frozen=True)
class Layout:
    profile: Profile
    render: Callable[[ReportSpec], tuple[bytes, ProvenanceLog]]

    @property
    def name(self) -> str:
        return self.profile.name


def load_layouts() -> dict[str, Layout]:
    layouts = {}
    for name in LAYOUT_NAMES:
        module = import_module(f"{__name__}.{name}")
        layouts[name] = Layout(module.PROFILE, module.render)
    return layouts
