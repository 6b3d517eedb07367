"""Concept patterns: what a finding talks about, as named yes/no features for the classifier.

Each concept is a regular expression over the normalised finding text (`finding_words`) that
stands for an idea an auditor can word many ways ("documents held by someone other than the
worker", "pay later than due"), including negations ("workers keep their own documents") so the
model can learn hard negatives. Numbers are read too: weekly hours, rest-day runs and ages are
bucketed the way the labelling policy draws its lines. The classifier learns how much each
concept counts for each code; a concept never decides a code on its own.

Pure text functions; no model, no I/O. Changing a pattern changes the features a saved model
was trained on: the classifier stores the concept names and refuses a model whose names differ.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+; the same parser was the public `sre_parse` before
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

# Auditor shorthand -> words, applied before the text models and the concepts read the text.
SHORTHAND: dict[str, str] = {
    r"\bOT\b": "overtime",
    r"\b[Hh]rs\b": "hours",
    r"(?i:\bmgmt\b|\bmgt\b)": "management",
    r"\bmgr\b": "manager",
    r"\bGM\b": "general manager",
    r"\bw/o\b": "without",
    r"\bw/(?=\s)": "with",
    r"\bmths?\b": "months",
    r"\bwks?\b": "weeks",
    r"\byrs?\b": "years",
    r"\byr-olds?\b|\byrs?-old\b": "year-old",
    r"\bapprox\.?": "approximately",
    r"\bdorms?\b": "dormitory",
    r"\breps\b": "representatives",
    r"\bCBA\b": "collective bargaining agreement",
    r"\bSDS\b|\bMSDS\b": "safety data sheets",
    r"\bETP\b": "effluent treatment plant",
    r"\bmin\.? wage\b": "minimum wage",
    r"\bmin\.? age\b": "minimum age",
    r"\bmax\.?\b": "maximum",
    r"\bavg\.?\b": "average",
    r"\bincl\.?\b": "including",
    r"\bpcs\b": "pieces",
    r"\bvs\.?\b": "against",
    r"\bNC\b": "non-compliance",
    r"\bW:": "worker said:",
}
# Case matters: "HR" is human resources, "hrs" is hours.
_SHORTHAND = [(re.compile(rx), words) for rx, words in SHORTHAND.items()]

_DOC = (
    r"(?:passports?|(?:national )?id(?:entity)? ?cards?|\bids?\b|identity documents?|"
    r"identity papers|travel documents?|work permits?|residence (?:permits?|cards?)|"
    r"visas?|(?:school(?: leaving)?|birth) certificates?|original (?:documents|certificates)|"
    r"papers\b|documents\b)"
)
_HOLDER = (
    r"(?:employer|management|factory|company|site|facility|hr|office|supervisor|warden|"
    r"agent|agency|broker|recruiter|contractor|labour contractor|safe|locked cabinet)"
)
_HOLD = (
    r"(?:held|hold|holds|keep|keeps|kept|retain\w*|confiscat\w*|collected|taken away|"
    r"hand(?:ed)? (?:over|in)|surrender\w*|safekeeping|safe-keeping|as (?:a )?guarantee|"
    r"(?:give|gave|given|hand|handed) (?:\w+ )?(?:\w+ )?(?:to|over to) (?:the )?\w+)"
)
_PAY = r"(?:wages?|salar(?:y|ies)|pay\b|payment|earnings|settlements?|overtime pay|bonus)"
_WINDOW = r"[^.;]{0,70}"

CONCEPTS: dict[str, str] = {
    # FL01 abuse of vulnerability
    "vuln.status": r"undocumented|irregular (?:migration )?status|without (?:valid |legal )?"
    r"(?:work )?(?:permits?|papers|documents|authori[sz]ation|residence)|no (?:legal )?right "
    r"to (?:stay|work)|expired (?:permits?|visas?)|refugee|asylum|illegal(?:ly)? (?:employed|"
    r"migrant|status)|no valid residence|permits had expired",
    "vuln.literacy": r"illiterate|literacy|cannot read|could not read|can't read|unable to read"
    r"|not able to read",
    "vuln.exploit": r"take advantage|took advantage|taking advantage|exploit\w*|vulnerab\w*|"
    r"nowhere else|no (?:other )?choice|accept any conditions|grateful for any",
    "vuln.dependence": r"depend\w* on (?:the )?(?:employer|contractor|company|agent|labour "
    r"contractor)|tied (?:visas?|to the employer)|visas? (?:are |is )?tied|lose (?:our|their) "
    r"visas?|termination (?:means|=) deportation|deport\w*",
    "vuln.hardship": r"recently arrived|no (?:local )?support|drought|flood|poverty|disabilit\w*"
    r"|no money and no contacts|fled",
    # FL02 deception
    "deceive.promise": r"promis\w*|advertis\w*|job (?:offers?|ads?|adverts?|description)|offer "
    r"letter|recruitment (?:notice|presentation|information|material)|"
    r"before (?:departure|they (?:left|arrived))|(?:agent|broker|recruiter|agency) (?:said|told|"
    r"described)|were told (?:the job|the work|it was)",
    "deceive.reality": r"differ\w* from|not as (?:described|promised|advertised)|in practice|"
    r"in reality|reality|actually (?:paid|received)|on arrival|instead|found (?:a|that)|only "
    r"learned|does not match|did not match|halved|about half",
    "deceive.substitution": r"contract substitution|(?:replaced|substituted) (?:on arrival|with"
    r" new)|new contracts? on arrival|signed (?:a new|another) contract|signed on arrival",
    "deceive.words": r"mislead\w*|misled|deceiv\w*|decept\w*|false (?:promise|information)|"
    r"untruthful|truthful|lied",
    "deceive.no_copy": r"(?:not|never) (?:given|provided|allowed to keep) (?:with )?(?:a )?copy"
    r"|without (?:being allowed to keep |a )?(?:a )?copy|verbally only|explained verbally|"
    r"nobody read|in (?:a )?language (?:which|that|they) \w+ (?:cannot|can't|do not|did not)",
    # FL03 restriction of movement
    "move.locked": r"\block(?:ed|s)?\b|padlock\w*|chain(?:ed)?\b",
    "move.locked_in": r"locked (?:in|inside|into|from the outside)\b|lock(?:s|ed)? (?:them|workers|"
    r"residents) in",
    "move.not_free": r"not (?:allowed|permitted|free|able) to (?:leave|go out|come and go|step "
    r"out|walk)|cannot (?:leave|go out)|can't (?:leave|go out)|(?:may|can) (?:only )?(?:leave|go"
    r" out) (?:only )?(?:with|on|in|once)|only (?:leave|go out)|turn(?:ed|s)? them back|not "
    r"free to come|never alone|have not left|may not leave",
    "move.permission": r"gate pass\w*|exit pass\w*|pass system|sign[- ]out|(?:written|signed) "
    r"permission|permission (?:to|before) (?:leave|go|step)|slips? signed|signed slip"
    r"|supervisor's (?:ok|permission)|permission from|(?:gate|exit|hr|out|leave) slips?",
    "move.curfew": r"curfew",
    "move.escort": r"escort\w*|accompanied|in groups|with (?:the )?driver|company (?:bus|van)"
    r"es? between",
    "move.free": r"come and go freely|free to (?:leave|come and go)|no curfew|visitors are allowed",
    # FL04 isolation
    "isolate.phones": r"(?:mobile |cell )?phones?[^.;]{0,40}(?:collected|confiscat\w*|taken|"
    r"kept|handed in|held|banned|not allowed|returned)|(?:collect\w*|confiscat\w*|take|took|"
    r"taken|ban\w*) (?:the |their |workers' )?(?:mobile )?(?:phones?|sim cards?)|sim cards?|"
    r"no phones|phones? (?:are )?not allowed",
    "isolate.remote": r"remote|isolated|no (?:public )?transport|far from (?:town|the nearest)|"
    r"no (?:telephone|phone|mobile) signal|satellite phone|flood\w* in the rainy",
    "isolate.contact": r"no (?:contact|visitors?|means of contact\w*|way to contact|outside "
    r"contact)|not (?:permitted|allowed) (?:any )?visit\w*|no visit\w*|(?:cannot|could not|"
    r"can't) (?:contact|speak to|reach|call) (?:their |our )?famil\w*|contact with (?:their )?"
    r"famil\w*|outside world|outsiders|not to (?:talk|speak) to|apart from (?:other|the rest)",
    "isolate.mail": r"letters?[^.;]{0,30}opened|opened[^.;]{0,20}(?:letters?|mail)|receive "
    r"(?:mail|letters|calls)|mail from home",
    "isolate.location": r"(?:not|never) (?:told|know|knew) (?:the|which|where)[^.;]{0,30}"
    r"(?:address|town|province|place|located)|could not name the town|not told the address",
    "isolate.sea": r"at sea|port call|vessel|fishing|carrier ships?|crew",
    # FL05 violence
    "violence.hit": r"\bhit(?:s|ting)?\b|\bbeat(?:s|en|ing)?\b|slap\w*|kick\w*|push\w*|\bstruck"
    r"\b|punch(?:ed|es|ing)? (?:him|her|them|a |the |workers)|grabbed|dragged|bruis\w*|with "
    r"(?:a|the) (?:ruler|stick|baton)",
    "violence.physical": r"corporal|physical(?:ly)? (?:punish\w*|abus\w*|violence|harm)|"
    r"violen\w*|assault\w*|batons?",
    "violence.sexual": r"sexual\w*|touch(?:ing|es|ed)\b|harass\w*|unwanted advances|advances "
    r"towards|favours",
    "violence.punishment": r"squats|stand in the sun|(?:made|forced) to (?:stand|kneel|run|do)",
    # FL06 intimidation and threats
    "threat.threat": r"threat\w*|intimidat\w*|\bwarn(?:ed|s|ing)?\b",
    "threat.verbal": r"shout\w*|swear\w*|insult\w*|abusive language|verbal(?:ly)? abus\w*|"
    r"humiliat\w*|shaming|call(?:s|ed)? them names|raise their voices",
    "threat.blacklist": r"black ?list\w*|list of workers who",
    "threat.coaching": r"coach\w*|told what to say|true answers|false answers|different answers"
    r"|within earshot|afraid to (?:speak|report|complain)|reluctant to speak",
    "threat.denounce": r"(?:report\w*|denounc\w*|hand\w*) (?:them )?(?:over )?to (?:the )?"
    r"(?:police|immigration|authorities)|call (?:the )?(?:police|immigration)",
    "threat.lose_job": r"(?:lose|lost) (?:their|your|the|our) jobs?|would be (?:dismissed|fired"
    r"|sacked)|be (?:dismissed|fired) if|dismissal if|never work (?:in|again)|troublemakers|"
    r"treated as having resigned|contracts would not be renewed",
    "threat.fear": r"\bafraid\b|\bfear\w*|reluctant",
    # FL07 retention of identity documents
    "docs.noun": _DOC,
    "docs.held": rf"{_DOC}{_WINDOW}{_HOLD}|{_HOLD}{_WINDOW}{_DOC}",
    "docs.holder": rf"{_DOC}{_WINDOW}\b(?:by|in|at|with|to) (?:the )?(?:\w+ )?{_HOLDER}|"
    rf"{_HOLDER}\w*{_WINDOW}{_DOC}",
    "docs.access": r"(?:written |signed )?request (?:form )?to (?:access|get)|without (?:a "
    r"written )?request|no (?:free )?access|access (?:on|upon) request|pay a fine to get|get "
    r"(?:\w+ )?(?:\w+ )?back|not (?:been )?returned|had not seen them|not seen (?:them|it) since|"
    r"returned (?:only|when|later)",
    "docs.own": r"(?:hold|keep|kept by) (?:their|the workers'?) own|workers keep their|kept by "
    r"(?:the )?workers|(?:themselves|workers themselves)|returned to workers|in (?:their|"
    r"personal) lockers",
    "docs.copies": r"\bcop(?:y|ies)\b|photocop\w*|certified",
    # FL08 withholding of wages
    "pay.late": rf"{_PAY}[^.;]{{0,40}}(?:late|delay\w*|after the (?:\w+ )?(?:due|legal|pay|date|"
    r"deadline)|following month)|delay\w* (?:in )?(?:the )?(?:payment|wages|salar\w*|pay)|late "
    r"payment|paid late",
    "pay.unpaid": r"(?:not|never|still not) (?:yet )?(?:been )?(?:paid|received)|unpaid|"
    r"outstanding|arrears|still (?:wait|waiting|unpaid)|not (?:yet )?paid|owed to",
    "pay.held": rf"withh[eo]ld\w*|held back|kept back|keep\w* back|{_PAY}[^.;]{{0,30}}"
    r"(?:retained|held|kept)|(?:retain\w*|hold\w*) (?:part of )?(?:the )?(?:workers' )?"
    r"(?:wages?|pay|salar\w*)",
    "pay.exit": r"final (?:settlement|wages?|pay)|last wages?|end[- ]of[- ]service|resign\w*|"
    r"who (?:left|quit)|after (?:they|leaving|their last)",
    "pay.conditional": r"only (?:at|until|when|if|to)[^.;]{0,40}(?:end|year|annual|holiday|new "
    r"year|season|complete|stay|still employed)|if (?:they|the worker|workers) (?:stay|complete"
    r"|finish|still)|forfeit\w*|lose them",
    "pay.deadline": r"deadline|legal (?:period|limit|pay date)|due date|pay date|following month"
    r"|within[^.;]{0,20}(?:days|period)",
    "pay.control": r"accounts? controlled|controlled by the supervisor|paid to the (?:labour )?"
    r"contractor|hands out cash",
    "pay.on_time": r"paid on time|on time|within the legal period|no delay",
    # FL09 debt bondage
    "debt.fee": r"\bfees?\b|service charges?|commission|(?:paid|pay|paying) (?:the )?(?:agent|"
    r"brokers?|agency|recruiter)|costs? of (?:their )?(?:visas?|flights?|recruitment|travel|"
    r"medical\w*)|bore the costs?|"
    r"pay for "
    r"their recruitment|medical (?:check-up|examination) themselves",
    "debt.loan": r"\bdebts?\b|\bloans?\b|(?<!unwanted )\badvances?\b(?! towards)|"
    r"\bow(?:e|es|ed|ing)\b|borrow\w*|interest|repay\w*|paid back|pay (?:it )?(?:off|back)|ledger",
    "debt.until": r"until[^.;]{0,40}(?:repaid|cleared|paid back|recovered|debt|loan)|before "
    r"(?:repayment|they have paid)|cannot (?:leave|resign) before",
    "debt.deposit": r"deposit\w*|guarantee",
    "debt.broker": r"brokers?|sub-?agents?|agents? (?:abroad|in the)|labour agent|recruiter|"
    r"recruitment agen\w*|manpower",
    "debt.no_fee": r"no (?:\w+ )?fees?|paid nothing|paid no (?:\w+ )?fees?|did not pay (?:any )?"
    r"(?:\w+ )?fees?|not charged|employer pays (?:the agency|"
    r"all|directly)|paid by the employer|employer paid|reimbursed (?:to|all)",
    "debt.year_wage": r"year's (?:wages?|salary|earnings)|more than a year",
    # FL10 abusive working and living conditions
    "living.housing": r"dormitor\w*|hostel|housing|accommodation|living quarters|labour camp|"
    r"\bcamp\b|\brooms?\b|\bbeds?\b|mattress\w*|sleep\w*|bedding",
    "living.crowded": r"overcrowd\w*|crowded|share a (?:single )?room|stacked|in one room|meant "
    r"for \w+ held|floor space",
    "living.lacking": r"no (?:ventilation|windows?|running water|hot water|fan|bedding|"
    r"sanitation|lockers|door)|without (?:windows|running water|sanitation)|lack\w* (?:running "
    r"water|sanitation|ventilation|cooking)|overflowing|not enough",
    "living.toilets_water": r"toilet\w*|latrines?|washroom|showers?|sanitation|drinking water|"
    r"\bwater\b|\bfood\b|canteen",
    "living.restricted": r"(?:limited|restricted|controlled|only)[^.;]{0,30}(?:toilet|water|"
    r"break)|token|must wait for the break|not allowed to drink",
    "living.sick": r"sick leave|while (?:ill|sick)|work while|refused leave|denied (?:sick|rest|"
    r"leave)|clinic|fainted|ill\b",
    "living.degrading": r"degrading|inhumane?|decent living|converted storage|storage room|"
    r"cartons",
    # FL11 / HRS working time
    "hours.words": r"working (?:hours|time)|hours of work|hours\b|overtime|shifts?\b|rest days?"
    r"|day off|days off|sundays?",
    "hours.records": r"time (?:records?|cards?|sheets?)|punch\w*|attendance records?|gate log|"
    r"time recording|swipe",
    "hours.no_rest": r"no (?:day off|rest day|sunday)|without (?:a )?(?:rest day|day off|"
    r"break)|every day including|seven days|7 days|7-day|consecutive|in a row|x 7 days",
    "hours.forced": r"compulsory|mandatory|not voluntary|forced overtime|cannot refuse|can't "
    r"refuse|could not refuse|(?:refus\w*)[^.;]{0,40}(?:overtime|sunday|lose)|required to stay|"
    r"must stay|nobody refuses|marks refusers",
    "hours.double_books": r"double (?:time )?(?:records|books|cards)|second set of time|two "
    r"sets of|real (?:hours|records)|official (?:ones|records)|off the payroll",
    "hours.excess": r"excessive|beyond the legal|above the (?:legal|regular)|exceed\w*|well "
    r"above|over the (?:legal )?(?:limit|cap)|cap\b|ceiling|legal max\w*",
    "hours.consent": r"consent|voluntary|informed of overtime|last minute",
    "hours.breaks": r"(?:meal |lunch |rest )?breaks?\b",
    "hours.within": r"within (?:the )?legal limits|within limits",
    # CL01 / CL02 age
    "age.child_words": r"\bchild\w*|under-?age|below (?:the )?(?:legal )?(?:minimum )?(?:working"
    r" )?age|\bgirl\b|\bboy\b|youngest|small ones|after school|school holidays",
    "age.min_age": r"minimum (?:working )?age|legal (?:working )?age|age (?:for|of) employment",
    "age.verification": r"age verification|age documents?|age check|authenticity|looked "
    r"younger|look well under|year of birth",
    "age.young_words": r"young workers?|juvenile|\bminors?\b|apprentice\w*|interns?\b|students?"
    r"|vocational school|under(?:-| )?18|under eighteen|young worker register",
    "age.hazard": r"hazard\w*|night (?:shifts?|work)|forklift|boiler|press(?:es)?\b|solvents?|"
    r"dyes?\b|carrying loads|weight limits|cutting machines",
    # DIS
    "dis.words": r"discriminat\w*|equal (?:pay|opportunit\w*|treatment)|same (?:job|work|grade)"
    r"|less than (?:local|men)|different wage rates",
    "dis.pregnancy": r"pregnan\w*|maternity|urine test",
    "dis.grounds": r"marr(?:y|ied|iage)|marital|religio\w*|caste|ethnic\w*|minority|\bhiv\b|"
    r"gender|\bmen\b|"
    r"\bwomen\b|female|male only|age range|preferred age|unmarried|home region|sex\b",
    # FOA
    "foa.union": r"\bunions?\b|collective (?:bargaining|agreement)|bargain\w*|strike|petition|"
    r"freedom of association|organis(?:e|ing)|organiz(?:e|ing)|right to join",
    "foa.representation": r"worker(?:s'|s)? (?:representatives?|committee|council)|"
    r"representatives?|committee|elect\w*|\bvote\b",
    # OHS
    "ohs.fire": r"\bfire\b|exits?\b|extinguisher\w*|evacuation|drills?\b|assembly point|"
    r"blocked|escape",
    "ohs.equipment": r"\bppe\b|protective (?:equipment|clothing)|gloves|masks?\b|hearing "
    r"protection|goggles|helmets?|safety shoes",
    "ohs.machines": r"machine guards?|needle guards?|guard(?:s|ing)?\b(?! (?:at|on duty|"
    r"carry))|band knives|presses|unguarded|without guards",
    "ohs.chemicals": r"chemical\w*|safety data|solvent\w*|acids?\b|unlabel\w*|label\w*|fumes|"
    r"extraction|ventilation|glue",
    "ohs.other": r"first aid|injur\w*|electrical|wiring|boiler|forklift|structural|risk "
    r"assessment|eyewash|noise|health and safety|\bsafety\b|accident",
    # WAG
    "wag.words": r"wages?\b|salar\w*|payslips?|wage slips?|payroll|minimum wage|allowances?|"
    r"bonus\w*|piece[- ]rate|living[- ]wage|flat rate|13th month",
    "wag.premium": r"premium|overtime (?:rate|pay)|normal (?:hourly )?rate|ordinary rate|weekday "
    r"rate|basic wage",
    "wag.deduction": r"deduct\w*|\bfines?\b|docked|charged for|cost (?:is )?(?:taken|deducted)"
    r"|take money",
    "wag.benefits": r"social (?:insurance|security)|leave pay|annual leave|maternity pay|paid "
    r"leave|benefits?\b|holiday pay|sick pay",
    "wag.below_min": r"below (?:the )?(?:legal )?minimum|did not (?:earn|meet) the minimum|"
    r"shortfall|underpaid|less than the minimum",
    # EMP
    "emp.contracts": r"contracts?\b|short-term|fixed-term|temporary|casual|daily-(?:paid|rated)"
    r"|rolling|renew\w*|re-hired|probation\w*",
    "emp.agency": r"agency (?:workers|staff)|labour contractor|labour-only|supplied by|contract "
    r"workers",
    "emp.subcontract": r"subcontract\w*|home-based|home work\w*|homeworkers?|undisclosed|not "
    r"disclosed|workshop",
    "emp.status": r"permanent|registered as employees|without (?:being )?regist\w*|trainee|"
    r"dismiss\w* without notice|without notice|seniority",
    # no indicator
    "none.environment": r"environment\w*|wastewater|effluent|emission\w*|\bwaste\b|discharg\w*|"
    r"water use|energy|sludge|stack|canal",
    "none.ethics": r"brib\w*|\bgifts?\b|corrupt\w*|conflict of interest|whistle|ethic\w*|"
    r"envelope|inconsistent|do not match",
    "none.system": r"polic(?:y|ies)\b|procedures?\b|management (?:review|system)|internal audit|"
    r"code of conduct|training records|not (?:written|documented)|manual\b|corrective actions"
    r"|grievance",
    "none.records": r"not (?:certified|dated|signed|approved|updated)|spreadsheet|backup|"
    r"register of|refers to a law",
    "none.fine": r"no (?:evidence|issues?|concerns?)|were correct|was correct|correct\b|"
    r"within (?:the )?legal|confirmed they paid nothing|no young workers|paid on time",
    # framing
    "frame.risk": r"\brisk\b|uncorroborated|could be|may\b|might|potential|there is a risk|"
    r"appeared|seemed",
    "frame.quote": r"['\"‘“]|said|told the auditor|stated|reported",
    "frame.law": r"contrary to|breach\w*|law\b|legal\b|statutory|the code requires|code "
    r"prohibits",
}

# Numbers read from the text, bucketed where the labelling policy draws its lines.
_WEEK_HOURS = re.compile(
    r"(\d{2,3})\+? ?(?:hours|h)\b(?:[^.;\d]{0,25}(?:week|wk)|/w)", re.IGNORECASE
)
# Hours written without a unit: weekly unless a day, shift or month follows.
_BARE_HOURS = re.compile(
    r"(\d{2,3})\+? ?hours\b(?![^.;\d]{0,20}(?:day|shift|month|year)| of overtime)",
    re.IGNORECASE,
)
_DAY_HOURS = re.compile(r"(\d{1,2}) ?(?:hours|h)\b[^.;\d]{0,12}(?:day|shift)", re.IGNORECASE)
_DAY_RUN = re.compile(
    r"(\d{1,2}|fourteen|fifteen|sixteen|nineteen|twenty\w*|three weeks|two weeks)"
    r"(?: consecutive)? ?(?:days)?[^.;]{0,30}(?:without|no) (?:a )?(?:rest|day off)|"
    r"(?:without|no) (?:a )?(?:rest day|day off)[^.;]{0,30}?(?:for )?(\d{1,2}|three weeks|"
    r"two weeks)",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"(?:aged?|age of)\s+(\d{1,2})\b|(\d{1,2})[- ](?:years?|yrs?)[- ]old|(\d{1,2}) years of age"
    r"|\b(\d{1,2})-year-old|\bunder[- ]?(\d{2})s?\b|(\d{1,2}) ?yrs\b",
    re.IGNORECASE,
)
NUMBER_CONCEPTS = (
    "num.week_extreme",
    "num.week_moderate",
    "num.day_extreme",
    "num.rest_run_long",
    "num.age_child",
    "num.age_young",
)
_WORD_DAYS = {"fourteen": 14, "fifteen": 15, "sixteen": 16, "nineteen": 19}


def concept_names() -> list[str]:
    """Return the feature names in column order: patterns, then number buckets."""
    return [*CONCEPTS, *NUMBER_CONCEPTS]


@lru_cache(maxsize=1)
def _compiled() -> list[re.Pattern[str]]:
    return [re.compile(rx, re.IGNORECASE) for rx in CONCEPTS.values()]


# Escapes whose meaning does not depend on case folding (no \\x41-style character codes).
_CASELESS_ESCAPE = re.compile(r"\\[bwsd.\-$()\[\]?+*|/'\"\\{}^]")


def _lowercase_equivalent(rx: str) -> bool:
    """Whether `rx` without IGNORECASE on ASCII text lowered matches exactly where `rx` with
    IGNORECASE matches on that text: an ASCII, all-lowercase pattern whose escapes are all
    caseless (so no \\S, \\W or character codes) and with no inline flags."""
    return (
        rx.isascii()
        and rx == rx.lower()
        and "(?-" not in rx
        and "\\" not in _CASELESS_ESCAPE.sub("", rx)
        and not re.search(r"\(\?[a-z]", rx)
    )


def lowered_pattern(rx: str) -> re.Pattern[str] | None:
    """`rx` compiled without flags for lower-cased ASCII text, where it matches exactly where `rx`
    with IGNORECASE matches the text itself; None when that is not certain (an escape whose
    meaning depends on case, inline flags, a character class naming upper-case letters)."""
    if "\\" in _CASELESS_ESCAPE.sub("", rx) or re.search(r"\[[^\]]*[A-Z]", rx):
        return None
    lowered = rx.lower()
    return re.compile(lowered) if _lowercase_equivalent(lowered) else None


@lru_cache(maxsize=1)
def _compiled_ascii() -> list[tuple[re.Pattern[str], bool, tuple[str, ...] | None]]:
    """Per concept: the pattern for ASCII text, whether it reads the lowered text, and (for
    those that do) strings one of which every match contains, or None when not known.

    Case-insensitive matching is what makes these patterns slow (about 4 times slower in
    CPython's `re` on finding texts); on ASCII text, where no character folds to another outside
    A-Z/a-z, lowering the text once gives the same matches. Most concepts match no finding, and
    `in` rules them out several times faster than the pattern's scan of the text."""
    compiled: list[tuple[re.Pattern[str], bool, tuple[str, ...] | None]] = []
    for rx in CONCEPTS.values():
        if _lowercase_equivalent(rx):
            compiled.append((re.compile(rx), True, required_strings(rx)))
        else:
            compiled.append((re.compile(rx, re.I), False, None))
    return compiled


def required_strings(rx: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `rx` (no flags) contains, or None when the
    pattern's structure does not tell (an optional part, a character class, a lookaround)."""
    try:
        found = _required(list(sre_parse.parse(rx)))
    except Exception:  # noqa: BLE001 - an unparsed shape only costs the shortcut
        return None
    return tuple(sorted(found)) if found else None


def _required(items: list) -> set[str] | None:  # type: ignore[type-arg]
    """`required_strings` of a parsed sequence: its longest run of literal characters or the
    best set one of its parts requires, preferring the set whose shortest string is longest."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre_parse.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        inner: set[str] | None = None
        if op is sre_parse.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            inner = _required(list(av[3]))
        elif op is sre_parse.BRANCH:
            branches = [_required(list(branch)) for branch in av[1]]
            if all(branches):
                inner = set().union(*branches)  # type: ignore[arg-type]
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and av[0] >= 1:
            inner = _required(list(av[2]))
        if inner:
            candidates.append(inner)
    if run:
        candidates.append({"".join(run)})
    if not candidates:
        return None
    return max(candidates, key=lambda found: (min(map(len, found)), -len(found)))


def finding_words(text: str) -> str:
    """Expand auditor shorthand ('OT', 'hrs', 'w/o', 'mgmt') and collapse whitespace."""
    for pattern, words, required in _shorthand():
        if required is None or any(map(text.__contains__, required)):
            text = pattern.sub(words, text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _shorthand() -> list[tuple[re.Pattern[str], str, tuple[str, ...] | None]]:
    """`_SHORTHAND` with the strings one of which each pattern's every match contains: most
    texts use little shorthand, and `in` rules a pattern out for a quarter of a `sub`'s CPU."""
    return [(pattern, words, required_strings(pattern.pattern)) for pattern, words in _SHORTHAND]


def _run_days(match: re.Match[str]) -> int:
    raw = (match.group(1) or match.group(2) or "").lower()
    if raw.isdigit():
        return int(raw)
    if "weeks" in raw:
        return 14 if raw.startswith("two") else 21
    return _WORD_DAYS.get(raw, 20 if raw.startswith("twenty") else 0)


def number_concepts(words: str) -> list[bool]:
    """Bucket weekly hours, daily hours, days without rest and ages found in `words`."""
    week = [int(m.group(1)) for m in _WEEK_HOURS.finditer(words)]
    week += [h for m in _BARE_HOURS.finditer(words) if (h := int(m.group(1))) >= 55]
    day = [int(m.group(1)) for m in _DAY_HOURS.finditer(words)]
    runs = [_run_days(m) for m in _DAY_RUN.finditer(words)]
    ages = [int(next(g for g in m.groups() if g)) for m in _AGE.finditer(words)]
    return [
        any(h >= 66 for h in week),
        any(60 < h < 66 for h in week),
        any(12 <= h <= 24 for h in day),
        any(r >= 13 for r in runs),
        any(a < 16 for a in ages),
        any(16 <= a < 18 for a in ages),
    ]


def concept_flags(words: str) -> list[bool]:
    """Return one flag per `concept_names()` entry for normalised finding text."""
    if words.isascii():
        lowered = words.lower()
        flags = [
            (
                p.search(lowered) is not None
                if required is None or any(map(lowered.__contains__, required))
                else False
            )
            if on_lowered
            else p.search(words) is not None
            for p, on_lowered, required in _compiled_ascii()
        ]
    else:
        flags = [p.search(words) is not None for p in _compiled()]
    return flags + number_concepts(words)
