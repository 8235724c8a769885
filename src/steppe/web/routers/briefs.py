"""/api/briefs: a dyad's analytical brief, as HTML (charts inline as SVG, no script) or
Markdown, every statement citing its documents and evidence spans."""

from __future__ import annotations

from enum import Enum

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, PlainTextResponse

from steppe.brief import dyad_brief, to_html, to_markdown
from steppe.brief.wording import Wording
from steppe.store.keys import parse_dyad
from steppe.web.params import DyadPath, KbDep, Since, StoreDep, Until

router = APIRouter(prefix="/briefs", tags=["briefs"])


class Format(str, Enum):
    html = "html"
    md = "md"


@router.get("/{dyad}", summary="The dyad's brief: summary, dialogue, agreements, trade, "
            "projects, security, sources", response_class=HTMLResponse,
            responses={200: {"content": {"text/markdown": {}}}})
def brief(store: StoreDep, kb: KbDep, dyad: DyadPath, since: Since = None, until: Until = None,
          format: Format = Format.html, download: bool = False):
    """HTML embeds its charts; Markdown leaves them out (use the HTML, or `steppe brief
    -o brief.md`, which writes them beside it). `download` asks the browser to save it."""
    a, b = parse_dyad(dyad)
    made = dyad_brief(store, a, b, since=since, until=until, wording=Wording.load(kb=kb))
    name = f"brief-{a}-{b}.{format.value}"
    headers = {"content-disposition": f'attachment; filename="{name}"'} if download else {}
    if format is Format.md:
        text, _ = to_markdown(made)
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8", headers=headers)
    return HTMLResponse(to_html(made), headers=headers)
