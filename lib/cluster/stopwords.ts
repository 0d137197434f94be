// English function words plus newswire filler ("said", "reported"): they occur in every story, so they only add
// noise to the similarity even after IDF weighting, and dropping them keeps the vectors and index small.
const words = `a about above across after afterwards again against all almost alone along already also although always am
among an and another any anyone anything are around as at back be became because become becomes been before being
below beside besides between both but by can cannot could did do does doing done down during each either else
enough etc even ever every few for former formerly from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just last latter least less made many may me meanwhile might
more moreover most mostly much must my myself neither never nevertheless next no nobody none nor not nothing now
of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please
rather same several she should since so some somehow someone something sometime sometimes still such than that the
their theirs them themselves then there thereafter thereby therefore these they this those though through
throughout thus to together too toward towards under until up upon us very via was we well were what whatever when
whenever where whereas whether which while who whoever whole whom whose why will with within without would yet you
your yours yourself yourselves s t don didn doesn isn wasn weren won wouldn ll ve re d m
said says say told tell according reported reports report reporting news new also added adding including
mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks
get got make makes like year years time times people way day days`;

export const stopwords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean));
