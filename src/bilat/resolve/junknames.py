"""Names the named-entity recognizer gives that name no one: a lone function word ("Según"),
a two-letter capital pair ("ST"), or no word of two letters at all ("J. 5")."""

from __future__ import annotations

import unicodedata

# Function words and quantities (English and Spanish, accents folded) that open sentences
# with a capital and that the recognizer then takes for a name. Written by the bilat team.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its he she they we you i his her their our
    of in on at to for from by with without about after before during under over between
    among against into onto through since until upon via per despite toward towards
    and or but nor so yet also however meanwhile moreover although though while whereas
    because if unless when where whether which who whom whose what why how then thus
    according both either neither each every all any some many much more most several few
    other others another such no not only just still even yes
    dozens hundreds thousands millions
    el la los las lo un una unos unas este esta estos estas ese esa esos esas aquel aquella
    de del al en con sin por para segun sobre tras entre hacia hasta desde durante ante bajo
    contra mediante y e o u ni pero sino aunque mientras porque pues si cuando donde como
    que quien quienes cual cuales cuyo cuya tambien ademas asi luego entonces
    ya aun todavia solo cada todo toda todos todas otro otra otros otras mucho muchos muchas
    poco pocos pocas varios varias algunos algunas ningun ninguna ambos ambas menos
    decenas cientos miles millones ello ella ellos ellas nosotros usted ustedes su sus nuestro
    nuestra se le les no
    """.split()
)
# Two capitals are a code only the gazetteer knows ("UN", "EU" are matched before this).
SHORT_CAPS = 2


def fold(word: str) -> str:
    """Lower case without accents: "Según" -> "segun"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_junk_name(name: str) -> bool:
    """Whether an entity the recognizer found names nobody: one function word, capitals of
    at most two letters, or no word of two letters or more."""
    words = [w.strip(".,;:!?\"'()«»“”‘’") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return True
    if not any(sum(c.isalpha() for c in w) >= 2 for w in words):
        return True
    if len(words) == 1:
        word = words[0]
        letters = [c for c in word if c.isalpha()]
        if len(letters) <= SHORT_CAPS and all(c.isupper() for c in letters):
            return True
        return fold(word) in FUNCTION_WORDS
    return False
