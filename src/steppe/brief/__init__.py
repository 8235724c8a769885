"""Analytical briefs: an evidence-backed first draft about a dyad (or a state and its
neighbours), written from the stored facts by templates, every statement citing the
documents and evidence spans behind it.

    gather (facts from the store) -> compose (sections of cited sentences)
    -> render (HTML with inline SVG charts, or Markdown with chart files beside it)
"""

from steppe.brief.compose import dyad_brief, region_brief
from steppe.brief.render import to_html, to_markdown

__all__ = ["dyad_brief", "region_brief", "to_html", "to_markdown"]
