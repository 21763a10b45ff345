"""Word lists the rules read: modality, negation, intent verbs and sentence contexts (EN, ES)."""

from __future__ import annotations

import re

# Auxiliaries that make an act a plan or a possibility rather than a fact.
# Auxiliaries of the future and the conditional: with a negation, a refused promise.
PROMISE_AUX = frozenset({"will", "would", "shall", "wo", "'ll", "won't", "wouldn't"})
MODAL_AUX = frozenset(
    {"will", "would", "could", "may", "might", "should", "shall", "'ll", "wo", "ca"}
    | {"poder", "deber", "haber de"}
)
# Heads whose complement is an intended act: "plans to build", "prevé construir".
INTENT_HEADS = frozenset(
    {"plan", "intend", "hope", "want", "aim", "seek", "expect", "agree", "pledge", "promise"}
    | {"vow", "decide", "prepare", "offer", "propose", "commit", "try", "wish", "set", "due"}
    | {"ready", "willing", "going", "go", "able", "schedule", "consider", "need", "close"}
    | {"swear", "threaten", "proposal", "intention", "propuesta", "intención"}
    | {"ir", "prever", "planear", "pretender", "querer", "esperar", "acordar", "comprometer"}
    | {"proponer", "ofrecer", "buscar", "poder", "deber", "decidir", "necesitar"}
)
# Agent nouns of a state's envoys abroad: whom they meet is of another state.
ENVOY_NOUNS = frozenset(
    {"envoy", "ambassador", "diplomat", "consul", "emissary", "attaché", "attache", "chargé"}
    | {"embajador", "embajadora", "diplomático", "diplomática", "cónsul", "enviado", "emisario"}
)
# Spanish verbs of arriving, whose subject often follows them and is then parsed as
# their object: "atracó en La Habana el primer lote de arroz donado por Pekín".
ARRIVAL_VERBS = frozenset({"llegar", "arribar", "atracar", "desembarcar", "entrar"})
# Verbs whose purpose complement is what a thing is for: "the funds will serve to repair
# water networks", "los fondos se destinarán a reparar".
USE_HEADS = frozenset({"serve", "servir", "destinar"})
# Verbs of hoping and wanting: a clause under them with a subject of its own is a wish.
WISH_HEADS = frozenset("hope want wish expect trust esperar querer desear confiar aspirar".split())
# Nouns of other states' people or bodies, unnamed: "urged its allies", "sus socios".
FOREIGN_NOUNS = frozenset(
    "ally allies partner partners neighbour neighbor neighbours neighbors donor donors "
    "creditor creditors foreigner foreigners aliado aliados socio socios vecino vecinos "
    "donante donantes acreedor acreedores".split()
)
# Verbs whose object is what is talked about: a noun act there is a topic.
TOPIC_VERBS = frozenset(
    "discuss debate review examine study analyse analyze evaluate assess address explore "
    "discutir debatir analizar revisar examinar estudiar evaluar abordar".split()
)
# Heads that pledge their complement to the other side: "agreed to send troops to
# Lithuania" promises protection, it threatens no one.
PLEDGING_HEADS = frozenset(
    {"agree", "pledge", "promise", "offer", "vow", "commit"}
    | {"acordar", "comprometer", "ofrecer", "prometer"}
)
# Heads whose complement is someone else's act, asked for: the request is the event coded.
REQUESTING_HEADS = frozenset(
    {"urge", "ask", "call", "invite", "request", "demand", "press", "encourage", "allow"}
    | {"pressure", "pressurise", "pressurize", "lobby", "exhort", "implore", "beg"}
    | {"instar", "pedir", "invitar", "exigir", "solicitar", "llamar", "permitir"}
    | {"presionar", "exhortar", "urgir", "rogar"}
)
# Heads that deny their complement: "denied meeting", "refused to sign", "se negó a firmar".
DENYING_HEADS = frozenset(
    {"deny", "refuse", "fail", "decline", "reject", "avoid", "cancel", "postpone", "halt"}
    | {"snub", "ignore"}
    | {"negar", "rechazar", "cancelar", "suspender", "aplazar", "evitar"}
)
# Heads under which an act is someone's belief or reading, not a reported happening.
OPINION_HEADS = frozenset(
    {"suggest", "appear", "seem", "believe", "think", "argue", "speculate", "suspect"}
    | {"opine", "guess", "wonder", "doubt", "imagine", "fear"}
    | {"parecer", "creer", "opinar", "sospechar", "suponer", "dudar", "temer"}
)
# First and second person: an outlet speaking to its readers ("we invite you to support us").
PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "us", "me", "yo", "nosotros", "usted", "ustedes"})
# Conjunctions that make a promised act depend on the other side: "unless", "si".
CONDITIONALS = frozenset({"unless", "if", "si", "salvo"})
# Words that make "demand" the market's ("weak demand from China"), not a request.
MARKET_QUALIFIERS = frozenset(
    {"weak", "strong", "global", "domestic", "consumer", "external", "sluggish", "robust"}
    | {"soft", "firm", "rising", "falling", "slowing", "slow", "energy", "oil", "export"}
    | {"débil", "interna", "mundial", "externa", "fuerte", "creciente", "energética"}
)
# Conjunctions of an indirect question ("unclear whether X will"): the act is asked about.
QUESTION_MARKS = frozenset({"whether"})
NEGATORS = frozenset({"not", "n't", "never", "no", "nunca", "jamás", "tampoco", "nor"})
NEGATING_PREPOSITIONS = frozenset({"without", "sin"})
# Adverbs that make a negated act pending, not refused: "has not yet signed".
PENDING_ADVERBS = frozenset({"yet", "still", "todavía", "aún", "aun"})
# Determiners that say there is none of the thing: "no agreement was signed", "ningún acuerdo".
NEGATING_DETERMINERS = frozenset({"no", "ningún", "ninguna", "ninguno", "nul", "nulle"})
# Verbs of happening: an act noun as their negated subject did not happen ("the talks did
# not take place", "la reunión no se celebró"); "take" counts only with "place" ("lugar").
OCCURRENCE_VERBS = frozenset(
    {"happen", "occur", "materialise", "materialize", "proceed", "take"}
    | {"ocurrir", "celebrar", "realizar", "producir", "concretar", "tener"}
)
# Verbs that deny a claim when their complement is a clause ("denied that he would visit",
# "negó que"): a denial of a report is no act towards anyone; with a noun object ("denied
# land allocation", "se negó a firmar") it stays a refusal.
CLAIM_DENIALS = frozenset({"deny", "negar", "desmentir", "dismiss"})
# Words that only sports reports use: a "beat" or "met" among them is a match, not an act
# between states ("the cricket team beat India by six wickets in the final").
SPORT_WORDS = frozenset(
    {"cricket", "football", "soccer", "rugby", "tennis", "hockey", "basketball", "volleyball"}
    | {"wicket", "wickets", "olympic", "olympics", "tournament", "championship", "semifinal"}
    | {"semi-final", "quarterfinal", "quarter-final", "goalkeeper", "match"}
    | {"baseball", "golf", "championships", "cup", "athletics", "marathon"}
    | {"fútbol", "torneo", "campeonato", "goleada", "semifinal", "cuartos"}
)
# Subjects that hit, strike or destroy without anyone acting: weather, quakes, markets.
NATURAL_FORCES = frozenset(
    "storm storms hurricane typhoon cyclone tornado earthquake quake tremor flood floods "
    "flooding wildfire blaze drought tsunami landslide avalanche heatwave eruption "
    "pandemic epidemic outbreak virus recession inflation crisis slump downturn "
    "tormenta huracán tifón ciclón terremoto sismo inundación inundaciones incendio "
    "sequía maremoto deslave pandemia epidemia recesión inflación".split()
)
# Subjects that stand for the antecedent of a relative clause.
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "que", "quien", "quienes", "cual"})

# Verbs of a standing state or aim: a participle hung on them ("India has grown into a
# steady ally, offering help") describes what the actor is like, not one act.
STATE_VERBS = frozenset(
    {"be", "become", "remain", "aim", "seek", "want", "hope", "intend", "strive", "ser"}
    | {"estar", "convertir", "buscar", "pretender"}
)

# Subjects that stand for a party named earlier: "the two sides agreed", "he met".
PARTY_WORDS = frozenset(
    {"he", "she", "they", "it", "side", "leader", "delegation", "minister", "president"}
    | {"government", "party", "country", "nation", "official", "head", "visitor", "premier"}
    | {"counterpart", "chancellor", "envoy", "ambassador", "authority", "embassy", "ministry"}
    | {"él", "ella", "ellos", "parte", "líder", "delegación", "ministro", "presidente"}
    | {"gobierno", "país", "canciller", "mandatario", "embajada", "autoridad", "ministerio"}
)
# Prepositions that link a recipient to the act ("a loan for Cuba", "met with", "donó a").
RECIPIENT_PREPOSITIONS = frozenset(
    {"to", "for", "with", "into", "toward", "towards", "against", "on", "upon", "at"}
    | {"a", "al", "para", "con", "hacia", "contra", "ante", "entre", "between", "among"}
)
# Prepositions of the phrase naming whom an act is done to ("an attack on a convoy").
VICTIM_PREPOSITIONS = frozenset({"against", "on", "upon", "contra"})
# Nouns of claims: what they say is no party of whoever rejects them ("rejects reports of a
# Chinese spy base"), and did not happen as far as the rejection goes.
CLAIM_NOUNS = frozenset(
    "report claim allegation accusation charge rumor rumour suggestion speculation assertion "
    "story information informe información denuncia acusación versión rumor señalamiento "
    "afirmación especulación".split()
)
# Nouns of questions: what they ask about is not told as done.
QUESTION_NOUNS = frozenset("question query inquiry pregunta interrogante".split())
# Verbs that judge an act someone else did: whom the judged act was done to is no party
# of the judging ("condemned the attack on a convoy"), and "Russia condemned the attack on
# its embassy" tells nothing of who attacked, but never that Russia did.
JUDGING_VERBS = frozenset(
    "condemn denounce criticize criticise deplore decry slam blast censure reject dismiss "
    "condenar denunciar criticar repudiar deplorar rechazar".split()
)
# Verbs that oppose what their object would do, and the nouns of such plans: "protested
# against the plan to allow mining", "criticó la decisión de enviar misiles".
OPPOSING_VERBS = JUDGING_VERBS | frozenset(
    "protest rally march demonstrate oppose protestar marchar manifestar oponer".split()
)
PLAN_NOUNS = frozenset(
    "plan plans decision proposal move bid intention scheme law bill policy measure "
    "plan planes decisión propuesta intención proyecto ley medida política".split()
)
# Verbs whose object act comes to their subject from someone else: "got a warning from NATO".
RECEIVING_VERBS = frozenset("receive get obtain recibir obtener".split())
# Nouns of a "with" phrase that names a helper, no party: "with the mediation of Qatar".
HELP_NOUNS = frozenset(
    "mediation help assistance support backing participation facilitation "
    "mediación ayuda asistencia apoyo respaldo participación".split()
)
# Prepositions of what a threat answers: "vowed revenge for the killing", "por el asesinato".
GRIEVANCE_PREPOSITIONS = frozenset({"for", "por"})
# "in"/"en" name a recipient only when the actor there is a state ("invest in Cuba").
LOCATIVE_PREPOSITIONS = frozenset({"in", "en", "inside", "within"})
# Nouns of "in protest", "in response", "en solidaridad": a stance, not a place.
STANCE_NOUNS = frozenset(
    "protest response retaliation solidarity support defiance opposition reply honour honor "
    "memory protesta respuesta represalia solidaridad apoyo repudio rechazo homenaje".split()
)
# Prepositions of the way a march or a raid takes ("marched through Seoul").
ROUTE_PREPOSITIONS = frozenset({"through", "across", "along", "around", "throughout"})
# Texts an actor issues to act by them: "issued a statement to condemn ...", "a decree
# ordering ...": whoever issues the text does what it does.
ISSUED_TEXTS = frozenset(
    "statement declaration communique communiqué letter message note resolution decree "
    "order memorandum appeal comunicado declaración carta mensaje nota resolución decreto".split()
)
# Where a protest stands names whom it is against: "rallied outside the US embassy".
PROTEST_SITE_PREPOSITIONS = frozenset({"outside", "before", "frente", "at"})
# Verbs that report what someone else did: their subject is a source, not a party.
SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "claim", "quote", "confirm"}
    | {"decir", "afirmar", "declarar", "informar", "anunciar", "señalar", "asegurar"}
)
AGENT_PREPOSITIONS = frozenset({"by", "por", "from", "de", "of", "desde"})

# Sentence words -> PLOVER context names, as the seeds and the PLOVER manual name them.
CONTEXT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "technology",
            r"\b(?:technolog\w*|tecnol[oó]g\w*|digital\w*|informati[sz]\w*|inform[aá]tic\w*"
            r"|computer\w*|software|telecom\w*|ICTs?|TIC|internet)\b",
        ),
        ("cyber", r"\b(?:cyber\w*|ciber\w*|espionage|espionaje)\b"),
        (
            "economic",
            r"\b(?:loans?|credits?|trade|invest\w*|econom\w*|financ\w*|banks?|banking|debts?"
            r"|business\w*|pr[eé]stamos?|cr[eé]ditos?|comerci\w*|inversi\w*|deudas?|empresa\w*"
            r"|roubles?|rubles?|rublos?|euros?|dollars?|d[oó]lares)\b",
        ),
        (
            "humanitarian",
            r"\b(?:humanitari\w*|wheat|flour|food|grain|trigo|harina|alimentos?|donat\w*"
            r"|donaci\w*|donativos?)\b",
        ),
        (
            "health",
            r"\b(?:health|medical|medicines?|pharma\w*|vaccines?|salud|m[eé]dic\w*"
            r"|farmac\w*|vacunas?|covid\w*|oxygen|ox[ií]geno|biotech\w*)\b",
        ),
        (
            "education",
            r"\b(?:universit\w*|schools?|education\w*|students?|escuelas?"
            r"|educaci\w*|estudiantes?|universidad\w*|training)\b",
        ),
        (
            "military",
            r"\b(?:military|militar\w*|defen[cs]e|defensa|arms|armas|weapons?|army|ej[eé]rcito"
            r"|troops?|tropas?|warships?)\b",
        ),
        (
            "resource",
            r"\b(?:energy|energ[ií]a|oil|crude|fuel|diesel|petr[oó]leo|crudo|combustible"
            r"|power (?:plants?|stations?|units?)|electric\w*|el[eé]ctric\w*|termoel[eé]ctric\w*"
            r"|gas)\b",
        ),
        ("election", r"\b(?:elections?|electoral|elecciones|votes?|voting)\b"),
    )
)


def find_contexts(sentence: str) -> list[str]:
    """PLOVER context names whose words the sentence uses, in a fixed order."""
    return [name for name, pattern in CONTEXT_PATTERNS if pattern.search(sentence)]
