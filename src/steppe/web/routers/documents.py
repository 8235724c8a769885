"""/api/documents: stored documents with their text and extracted facts; ingestion."""

from __future__ import annotations

import os
import threading
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from steppe.facts import Document, content_hash
from steppe.web.params import DATE, Limit, Offset, StoreDep
from steppe.web.queries import document_facts, document_json
from steppe.web.security import token_matches

router = APIRouter(prefix="/documents", tags=["documents"])
TOKEN_ENV = "STEPPE_API_TOKEN"
_extractor_lock = threading.Lock()


@router.get("", summary="List documents (full-text search with q)")
def list_documents(store: StoreDep, q: Annotated[Optional[str], Query(max_length=200)] = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    from steppe.store.read import find_documents

    page = find_documents(store, q=q, limit=limit, offset=offset)
    return {"total": page.total, "limit": page.limit, "offset": page.offset,
            "items": [d.to_json() for d in page.items]}


@router.get("/{document_id:path}", summary="One document: its text and every fact found in it")
def get_document(store: StoreDep, document_id: str) -> dict[str, Any]:
    facts = document_facts(store, document_id)
    if facts is None:
        raise HTTPException(404, f"no document {document_id!r}")
    return document_json(facts)


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=5_000_000)
    id: Optional[str] = Field(None, min_length=1, max_length=200, pattern=r"^[\w.:-]+$")
    title: Optional[str] = Field(None, max_length=1000)
    source: Optional[str] = Field(None, max_length=1000)
    url: Optional[str] = Field(None, max_length=2000)
    date: Optional[str] = Field(None, pattern=DATE)
    language: Optional[str] = Field(None, max_length=16)


@router.post("", status_code=201, summary="Ingest a document (needs STEPPE_API_TOKEN)",
             responses={401: {"description": "Missing or wrong token"},
                        403: {"description": "The API is read-only (no token configured)"}})
def post_document(request: Request, store: StoreDep, body: DocumentIn,
                  x_steppe_token: Annotated[Optional[str], Header()] = None) -> dict[str, Any]:
    """Extract the document's facts and store both; the token goes in `X-Steppe-Token`."""
    expected = os.environ.get(TOKEN_ENV)
    if not expected:
        raise HTTPException(403, f"the API is read-only: set {TOKEN_ENV} to accept documents")
    if not token_matches(x_steppe_token, expected):
        raise HTTPException(401, "missing or wrong X-Steppe-Token")
    from steppe.store import link_occurrences, save_document

    doc = Document(id=body.id or f"api-{content_hash(body.text)[:16]}", text=body.text,
                   date=body.date, title=body.title, source=body.source, url=body.url,
                   language=body.language)
    with _extractor_lock:
        # spaCy pipelines are not meant for concurrent calls; one document at a time.
        facts = _extractor(request).extract(doc)
    result = save_document(store, doc, facts)
    if result.status == "added":
        link_occurrences(store)
    return {"status": result.status, "document_id": result.document_id,
            "events": len(facts.events), "figures": len(facts.figures),
            "agreements": len(facts.agreements), "projects": len(facts.projects)}


def _extractor(request: Request):
    state = request.app.state
    if getattr(state, "extractor", None) is None:
        from steppe.pipeline.extract import Extractor

        state.extractor = Extractor.load(state.settings)
    return state.extractor
