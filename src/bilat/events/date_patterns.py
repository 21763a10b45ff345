"""Date vocabulary (months, weekdays, direction words) and the pattern tables, English and Spanish.

Each table row is a pattern: kind, how dates.py resolves it, regex. Lines that start with
spaces continue the regex above. A resolver is a name from dates.RESOLVERS or
"unit:shift:direction" for a fixed expression. <NAME> stands for a piece from MACROS.
"""

from __future__ import annotations

import calendar
import re

_ES_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)
ES_MONTHS_LIST = _ES_MONTHS.split()
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9},
    **{"sept": 9, "oct": 10, "nov": 11, "dec": 12, "setiembre": 9},
    **{m: i + 1 for i, m in enumerate(ES_MONTHS_LIST)},
}
WEEKDAYS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.day_name)},
    **{d: i for i, d in enumerate("lunes martes miércoles jueves viernes sábado domingo".split())},
    "miercoles": 2,
    "sabado": 5,
}
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve "
    "uno dos tres cuatro cinco seis siete ocho nueve diez once doce"
)
SMALL_NUMBERS: dict[str, int] = {w: i % 12 + 1 for i, w in enumerate(_NUMBER_WORDS.split())}
SMALL_NUMBERS.update(dict.fromkeys(["a", "an", "un", "una"], 1))
# Direction words -> how a weekday or a year-less month is chosen.
DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(["last", "past", "this past", "pasado", "pasada"], "prev"),
    **dict.fromkeys(["next", "coming", "this coming", "próximo", "proximo", "que viene"], "next"),
    **dict.fromkeys(["this", "este", "esta", "this year", "of this year", "de este año"], "this"),
    **dict.fromkeys(["last year", "of last year", "del año pasado"], "last_year"),
    **dict.fromkeys(
        ["next year", "of next year", "del próximo año", "del año que viene"], "next_year"
    ),
}


def _alt(words: list[str], title_case: bool = False) -> str:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return f"(?-i:{body})" if title_case else f"(?:{body})"


EN_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
_EN_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
EN_WEEKDAY = _alt(list(calendar.day_name), title_case=True)
ES_WEEKDAY = "(?-i:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"
# Pieces the pattern tables below name as <KEY>.
MACROS: dict[str, str] = {
    "EN_MONTH": _alt(EN_MONTHS, title_case=True),
    "EN_MONTH_ANY": rf"(?P<mon>{_alt([*EN_MONTHS, *_EN_ABBREVIATIONS], title_case=True)})\b\.?",
    "EN_WEEKDAY": EN_WEEKDAY,
    "EN_WD_PREFIX": rf"(?:{EN_WEEKDAY},?\s+)?",
    "ES_MONTH": _alt([*ES_MONTHS_LIST, "setiembre"]),
    "ES_WEEKDAY": ES_WEEKDAY,
    "ES_WD_PREFIX": rf"(?:(?:el\s+)?(?:(?:pasado|próximo)\s+)?{ES_WEEKDAY},?\s+)?",
    "DAY": r"(?P<d>\d{1,2})(?:st|nd|rd|th|\.?º|ro)?\b",
    "YEAR": r"(?P<y>1[5-9]\d\d|20\d\d)(?![\d%/-])",
    "NUM": rf"(?:\d{{1,3}}|{_alt(list(SMALL_NUMBERS))})",
    "PART_EN": r"(?:(?:early|late|mid-?|the (?:end|beginning|start|middle) of)\s*)?",
    "PART_ES": r"(?:a\s+)?(?:principios|finales|mediados|comienzos|inicios|fines)\s+de\s+",
    "UNITS_EN": r"(?:days?|weeks?|months?|years?|decades?)",
    "UNITS_ES": r"(?:días|semanas|meses|años|décadas|siglos)",
}
FUTURE_CUE = re.compile(
    r"\b(?:due|set|scheduled|expected|slated|planned|going) (?:to|for)\b|\bwill\b|\bshall\b"
    r"|\w'll\b|\bupcoming\b|\bto be \w+ed\b|\b\w+(?:rá|rán)\b|\bva[n]? a\b|\bse prevé\b"
    r"|\b(?:previst|programad)[oa]s? para\b",
    re.IGNORECASE,
)
# A past form after the cue ends its reach: "a deal under which Russia will lend ... was
# signed on Friday" is dated by "was signed".
PAST_CUE = re.compile(r"\b(?:was|were|had|did|fue|fueron|había|habían)\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\b(?:that|said|que|dijo)\b", re.IGNORECASE)
LEADING_PREP = re.compile(r"^(?:on|in|en|during|durante)\s+", re.IGNORECASE)


# --------------------------------------------------------------------------- pattern tables

# One row a pattern: kind, how to resolve it, regex. Lines that start with spaces continue
# the regex above. A resolver is a name from RESOLVERS or "unit:shift:direction" for a
# fixed expression. <NAME> stands for a piece from MACROS. Fixed expressions come first so
# that, at equal length, they beat the generic rows below them.
TABLES: dict[str, str] = {
    "en": r"""
absolute absolute      <EN_WD_PREFIX>(?:the\s+)?<EN_MONTH_ANY>\s+<DAY>(?:,?\s+<YEAR>)?
absolute absolute      <EN_WD_PREFIX>(?:the\s+)?<DAY>\s+(?:of\s+)?<EN_MONTH_ANY>(?:,?\s+<YEAR>)?
absolute absolute      <PART_EN><EN_MONTH_ANY>,?\s+<YEAR>
absolute absolute      (?:(?:in|since|until|by|during|from|through)\s+<PART_EN>
                       |early\s+|late\s+|mid-)
                       (?P<mon><EN_MONTH>)\b(?!['’]s|\s*\d)
absolute absolute      (?:(?:in|since|until|by|during|from|through|before|after)\s+
                       (?:the year\s+|early\s+|late\s+|mid-)?|early\s+|late\s+|mid-)<YEAR>
relative month         (?P<dir>last|next|this|this past|this coming)\s+
                       (?P<mon><EN_MONTH>)\b(?!\s*\d)
relative month         (?:in\s+)?(?P<mon><EN_MONTH>)\s+(?P<dir>(?:of\s+)?(?:last|this|next)\s+year)
weekday  weekday       (?:(?P<dir>last|next|this|this past|this coming|past|coming)\s+)?
                       (?P<wd><EN_WEEKDAY>)
relative ago           (?P<n><NUM>)\s+(?P<unit><UNITS_EN>)\s+ago
period   decade        (?:the\s+)?(?:early\s+|late\s+|mid-)?(?P<dec>1[5-9]\d0|20\d0)['’]?s
period   decade        the\s+(?:early\s+|late\s+|mid-)?['’]?(?P<dec2>[2-9]0)['’]?s
period   past          (?<!new )(?:the\s+)?(?-i:Cold War)
                       |(?:the\s+)?Soviet (?:era|times|period|years)
                       |(?:the\s+)?(?-i:Second World War|First World War|Special Period)
                       |World War (?:II|I)\b|(?:the\s+)?(?:Cuban\s+)?(?-i:Missile Crisis)
duration span          (?:for|over)\s+(?:the\s+)?(?:(?P<dir>past|last|next|coming)\s+)?
                       (?:<NUM>|few|several)\s+<UNITS_EN>
duration span          in\s+the\s+(?P<dir>past|last|next|coming)\s+(?:<NUM>\s+|few\s+|several\s+)?
                       <UNITS_EN>
duration span          for\s+(?:decades|years|centuries|months)
""",
    "es": r"""
absolute absolute      <ES_WD_PREFIX>(?:el\s+)?(?:(?P<dir>pasado|próximo|proximo)\s+)?
                       (?:(?P<first>primero)|<DAY>)\s+de\s+(?P<mon><ES_MONTH>)
                       (?:\s+(?:de|del)\s+<YEAR>)?
absolute absolute      (?:<PART_ES>)?(?P<mon><ES_MONTH>)(?:\s+(?:de|del))?\s+<YEAR>
absolute absolute      (?:(?:en|desde|hasta|durante)\s+(?:el\s+mes\s+de\s+)?(?:<PART_ES>)?
                       |<PART_ES>)
                       (?P<mon><ES_MONTH>)(?!\s+(?:de\s+|del\s+)?\d)
absolute absolute      (?:en|desde|hasta|durante|(?:en\s+)?el\s+año|del\s+año)\s+<YEAR>
relative month         (?:(?:en|el)\s+)?(?P<dir>pasado|próximo|proximo)\s+(?:mes\s+de\s+)?
                       (?P<mon><ES_MONTH>)(?!\s+de\s+\d)
relative month         (?:en\s+)?(?:el\s+mes\s+de\s+)?(?P<mon><ES_MONTH>)\s+(?P<dir>pasado
                       |próximo|proximo|que viene|de este año|del año pasado|del próximo año
                       |del año que viene)
weekday  weekday       (?:(?:el|este)\s+)?(?:(?P<dir>pasado|próximo|proximo)\s+)?
                       (?P<wd><ES_WEEKDAY>)
                       (?:\s+(?P<dir2>pasado|próximo|proximo|que viene))?
relative ago           hace\s+(?P<n><NUM>)\s+(?P<unit><UNITS_ES>)
period   decade        (?:los\s+)?años\s+(?P<dec>(?:19)?[2-9]0)
                       |(?:la\s+)?década\s+de\s+(?:los\s+)?(?:años\s+)?(?P<dec2>1[5-9]\d0|20\d0|[2-9]0)
period   past          (?:la\s+)?(?<!nueva )(?-i:Guerra Fr[íi]a)|(?:la\s+)?(?:época|era) soviética
                       |(?:los\s+)?tiempos (?:soviéticos|de la URSS)
                       |(?:la\s+)?(?-i:(?:Segunda|Primera) Guerra Mundial)
                       |(?:el\s+)?(?-i:Per[íi]odo Especial)
                       |(?:la\s+)?Crisis de (?:Octubre|los Misiles)
duration span          (?:durante|en)\s+(?:los|las)\s+(?P<dir>últimos|últimas|próximos|próximas)\s+
                       (?:<NUM>\s+)?<UNITS_ES>|durante\s+(?:<NUM>\s+)?<UNITS_ES>
duration past          desde\s+hace\s+<NUM>\s+<UNITS_ES>
""",
}
COMMON_TABLE = r"""
relative day:-2:-1     the day before yesterday|anteayer|antier|antes de ayer
relative day:-1:-1     yesterday|ayer
relative day:0:0       today|tonight|this (?:morning|afternoon|evening)
                       |hoy|esta (?:mañana|tarde|noche)
relative day:1:1       tomorrow|(?<!la )(?<!esta )(?<!una )(?<!cada )(?<!por )mañana
relative day:2:1       pasado mañana
relative week:-1:-1    (?:last|the past|the previous) week
                       |la (?:semana pasada|pasada semana|semana anterior)
relative week:0:0      this week|esta semana
relative week:1:1      (?:next|the coming) week
                       |la (?:próxima semana|semana próxima|semana que viene)
relative month:0:-1    earlier this month|a (?:principios|comienzos|inicios) de(?: este)? mes
relative month:0:1     later this month
relative month:-1:-1   (?:last|the previous) month|d?el (?:mes pasado|pasado mes|mes anterior)
relative month:0:0     this month|este mes
relative month:1:1     (?:next|the coming) month|d?el (?:próximo mes|mes próximo|mes que viene)
relative year:0:-1     earlier this year|a (?:principios|comienzos|inicios) de(?:l| este) año
                       |en lo que va del? año
relative year:0:1      later this year
relative year:-1:-1    last year|d?el (?:año pasado|pasado año|año anterior)
relative year:0:0      this year|este año
relative year:1:1      (?:next|the coming) year|d?el (?:próximo año|año próximo|año que viene)
relative month:0:-1    recently|(?:in )?recent (?:days|weeks)|(?:in|over) the (?:last|past)
                       \s(?:few )?days|recientemente|(?:en )?(?:los )?últimos días
                       |(?:en )?días (?:recientes|pasados)
                       |(?:en )?las últimas semanas|días atrás
absolute absolute      (?<![\d-])(?P<y>\d{4})-(?P<mnum>\d{1,2})-(?P<d>\d{1,2})(?![\d-])
absolute numeric       (?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})(?![\d/])
"""
