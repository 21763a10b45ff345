"""Words compared across languages: a small Spanish→English table of event words, folding
and a crude stem, so reports in the two languages can meet.

Keys are folded Spanish stems (lower case, no accents); a word takes the English word of the
longest key it starts with (at least MIN_KEY letters). English words pass through: no key
is the start of a common English word with another meaning. The table covers the words of
bilateral news (acts, goods, officials, months) rather than a whole language: two reports
of one happening share these, while names, figures and dates are compared as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bilat.link import dedup

MIN_KEY = 4
STEM = 6  # letters a word is cut to: inflections of one word meet, in either language
WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*", re.UNICODE)

_PAIRS = """
acus:accuse denunci:accuse sancion:sanction hambre:starve bloque:blockade
donac:donation donat:donation donad:donation dono:donation donar:donation regal:gift
prestam:loan presto:lend financ:finance invers:investment deuda:debt
condon:forgive reestructur:restructure
visita:visit visito:visit visitar:visit reuni:meeting encuentr:meeting conversac:talks
negociac:talks llamad:call telefon:phone cumbre:summit viaj:trip gira:tour recib:receive
acuerd:agreement conveni:agreement tratad:treaty memorando:memorandum firma:sign firmo:sign
firmaron:sign suscrib:sign promet:promise promes:promise anunci:announce compromet:pledge
propus:propose propuest:proposal propon:propose
entreg:deliver envio:send envia:send llego:arrive llega:arrive arrib:arrive atrac:dock
descarg:unload zarp:sail cargament:cargo carga:cargo buque:ship barco:ship naviera:ship puerto:port
bahia:bay fragata:frigate submarin:submarine flotilla:flotilla marin:navy armad:navy
trigo:wheat arroz:rice harina:flour aceite:oil petrole:oil crudo:crude combustib:fuel
medicament:medicine medicin:medicine aliment:food tonelad:tonne millon:million
pieza:part repuest:part termoelectric:power electric:power energi:energy agua:water
ferrocarril:railway ferrovi:railway acero:steel horno:furnace fabric:factory planta:plant
constru:build obra:works proyect:project centro:center tecnolog:technology
agregad:attache informat:information seguridad:security vivienda:housing residente:resident
comision:commission sesion:session intergubernament:intergovernmental cooperac:cooperation
comerci:trade
presiden:president ministr:minister cancill:ministry embajad:ambassador gobiern:government
viceprimer:deputy portavoz:spokeswoman delegac:delegation funcionari:official
manifest:protest exiliad:exile amenaz:threaten rechaz:reject
espia:spy espionaj:spy
enero:january febrero:february marzo:march abril:april mayo:may junio:june julio:july
agosto:august septiembre:september octubre:october noviembre:november diciembre:december
lunes:monday martes:tuesday miercoles:wednesday jueves:thursday viernes:friday
sabado:saturday domingo:sunday
habana:havana moscu:moscow pekin:beijing rusia:russia rusa:russian ruso:russian
cuban:cuban chino:chinese china:china sovietic:soviet estadounidens:american
venezolan:venezuelan nicaraguens:nicaraguan
primer:first segund:second nuev:new otra:another otro:another
"""

TABLE: dict[str, str] = dict(pair.split(":") for pair in _PAIRS.split())
_LONGEST = max(len(k) for k in TABLE)


# English irregular past forms of event verbs: "met" must meet "meeting", "held" "holds".
IRREGULAR = {
    "met": "meet",
    "held": "hold",
    "gave": "give",
    "given": "give",
    "sent": "send",
    "paid": "pay",
    "lent": "lend",
    "sought": "seek",
    "brought": "bring",
    "came": "come",
    "went": "go",
    "took": "take",
    "taken": "take",
    "made": "make",
    "spoke": "speak",
    "spoken": "speak",
    "told": "tell",
    "built": "build",
    "sold": "sell",
    "bought": "buy",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
}


def translate(word: str) -> str:
    """The English word for a folded Spanish word of the table (or the present form of an
    irregular English past), else the word itself."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    for size in range(min(len(word), _LONGEST), MIN_KEY - 1, -1):
        english = TABLE.get(word[:size])
        if english is not None:
            return english
    return word


STOP = frozenset(
    "a an the of and or to in on at for with by from as is was were be been being has have had "
    "that this these those its it their his her he she they we said says will would also after "
    "before over into about than which who while more most other some such not no but up out "
    "all new two one last week year month day monday tuesday wednesday thursday friday saturday "
    "sunday el la los las lo de del y o en con por para un una unos unas que se su sus es fue "
    "ha han al como más sin sobre entre tras pasado este esta según".split()
)


def fold(word: str) -> str:
    """Lower case without accents: "Petersburgo" and "petersburgo", "Díaz" and "diaz" meet."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def iter_words(text: str) -> Iterable[str]:
    """Content words comparable across languages: numbers normalised ("20.000" = "20,000"),
    Spanish event words put into English (TABLE), all cut to a short stem."""
    for raw in WORD.findall(text):
        if raw[0].isdigit():
            yield dedup.format_number(dedup.parse_number(raw, None))
            continue
        word = translate(fold(raw))
        if word in STOP or len(word) < 3:
            continue
        yield stem(word)


def stem(word: str) -> str:
    """A crude stem so "donation"/"donations", "accused"/"accuses", "docked"/"dock" meet."""
    for suffix in ("s", "ed", "ing", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word[:STEM]
