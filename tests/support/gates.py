"""What the quality-gate browser tests watch on a page: policy violations, requests, errors, axe."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

# Runs before any of the page's own scripts, in every frame: records each report of the page's
# Content-Security-Policy (the browser also logs it as a console error).
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${(event.sample || "").slice(0, 60)}) at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""

_axe = Axe()


@dataclass
class Gate:
    """Everything one browser page did, across every address it was sent to."""

    page: Page
    allowed: tuple[str, ...]  # address prefixes the page may contact
    requests: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @classmethod
    def attach(cls, page: Page, allowed: tuple[str, ...]) -> "Gate":
        gate = cls(page, allowed)
        page.add_init_script(CSP_LISTENER)
        page.on("request", gate._on_request)
        page.on("console", lambda message: message.type == "error" and gate.console_errors.append(f"{page.url}: {message.text}"))
        page.on("pageerror", lambda error: gate.page_errors.append(f"{page.url}: {error}"))
        # Anything else is aborted before it leaves the machine, and recorded.
        page.route(lambda url: not url.startswith(gate.allowed), lambda route: route.abort())
        return gate

    def _on_request(self, request: Any) -> None:
        self.requests.append(request.url)
        if not request.url.startswith(self.allowed):
            self.foreign.append(f"{self.page.url} -> {request.url}")

    def csp_violations(self) -> list[str]:
        """The policy reports of the current document and of its frames."""
        found = []
        for frame in self.page.frames:
            try:
                found += [f"{frame.url}: {v}" for v in frame.evaluate("window.__cspViolations || []")]
            except Exception:  # noqa: BLE001 - a frame that went away has nothing to report
                continue
        return found


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, one line per rule with its first targets."""
    response = _axe.run(page).response
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]} {v['help']}"
        for v in response["violations"]
    ]


def context_errors(context: BrowserContext) -> list[str]:
    """A list that fills with the console errors and uncaught exceptions of every page of
    `context`, popups included (a `Gate` watches one page only)."""
    errors: list[str] = []
    context.on("console", lambda message: message.type == "error" and errors.append(message.text))
    context.on("weberror", lambda error: errors.append(str(error.error)))
    return errors


@contextmanager
def gated_page(browser: Browser, origin: str) -> Iterator[Gate]:
    """A page in a new context that may load only from `origin` (and data:, blob:, about:)."""
    context = browser.new_context(service_workers="block")
    try:
        yield Gate.attach(context.new_page(), (origin, "data:", "blob:", "about:"))
    finally:
        context.close()
