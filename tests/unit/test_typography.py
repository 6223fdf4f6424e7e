"""French spacing in built pages (advocacy_guide.typography): where it applies and where not."""

from __future__ import annotations

import pytest

from advocacy_guide.typography import french_spacing, french_spacing_html

N = "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Touches : les flèches", f"Touches{N}: les flèches"),
        ("Pourquoi ? Parce que !", f"Pourquoi{N}? Parce que{N}!"),
        ("un point ; un autre", f"un point{N}; un autre"),
        ("« Rien »", f"«{N}Rien{N}»"),
        ("Durée\u00a0:", f"Durée{N}:"),
        ("19 000 personnes, 1 341 communications", f"19{N}000 personnes, 1{N}341 communications"),
        ("10 000 mots", f"10{N}000 mots"),
        # nothing to do: no space before the mark, a year before a word, a lone number
        ("https://www.ohchr.org/fr/", "https://www.ohchr.org/fr/"),
        ("en 2019 puis en 2020", "en 2019 puis en 2020"),
        ("les 18 membres", "les 18 membres"),
        (":au début", ":au début"),
    ],
)
def test_french_spacing(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


def test_a_mark_after_a_link_gets_its_space() -> None:
    assert french_spacing_html('<a href="a.html">Le Pacte</a> : qui') == f'<a href="a.html">Le Pacte</a>{N}: qui'


def test_code_scripts_and_attributes_keep_their_spaces() -> None:
    html = (
        '<p>Note : <code>a : b</code> <a href="x?y=1 : 2" title="Aide ?">lien ?</a></p>'
        "<pre><code>x ; y</code></pre><script>if (a ? b : c) {}</script><p>Fin !</p>"
    )
    assert french_spacing_html(html) == (
        f'<p>Note{N}: <code>a : b</code> <a href="x?y=1 : 2" title="Aide ?">lien{N}?</a></p>'
        f"<pre><code>x ; y</code></pre><script>if (a ? b : c) {{}}</script><p>Fin{N}!</p>"
    )


def test_a_space_after_a_link_or_emphasis_before_a_colon_becomes_narrow() -> None:
    html = '<li><a href="c.html">Le cycle</a> : où en est votre pays</li><p><strong>1er décembre</strong> ; ensuite</p>'
    assert french_spacing_html(html) == (
        '<li><a href="c.html">Le cycle</a>\u202f: où en est votre pays</li><p><strong>1er décembre</strong>\u202f; ensuite</p>'
    )
    # After a block element, a line starting with a colon is not glued to anything.
    assert french_spacing_html("<p>Texte</p> : x") == "<p>Texte</p> : x"
