"""One router per API resource, mounted under /api by steppe.web.app."""

from steppe.web.routers import (
    actors,
    agreements,
    briefs,
    changes,
    commitments,
    contradictions,
    documents,
    dyads,
    events,
    figures,
    network,
    projects,
    sources,
)

ROUTERS = [documents.router, events.router, dyads.router, network.router, changes.router,
           figures.router, commitments.router, agreements.router, projects.router,
           contradictions.router, actors.router, briefs.router, sources.router]
