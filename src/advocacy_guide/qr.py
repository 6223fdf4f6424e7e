"""QR codes drawn as inline SVG at build time (segno: pure Python, no network, no image files).

The printed handout of a page carries a QR code of its online address, so that a participant
holding the paper can open the page, its video and its checklist on a phone.
"""

from __future__ import annotations

import segno
from markupsafe import Markup, escape

# M corrects about 15% of damage: a creased or photocopied handout still scans.
ERROR_CORRECTION = "m"
QUIET_ZONE = 2  # modules of white around the code; the page's margin adds the rest


def qr_svg(text: str, label: str) -> Markup:
    """An `<svg>` of the QR code of `text`, named `label` for screen readers (both escaped).

    `label` may come escaped already (templates' interface strings are Markup): it is read
    back to plain text first, so that nothing is escaped twice.
    """
    label = label.unescape() if isinstance(label, Markup) else label
    code = segno.make(text, error=ERROR_CORRECTION)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr-code", lineclass=None, title=label)
    # segno escapes the title; the attribute is written here, escaped the same way.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
