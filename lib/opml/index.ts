export { parseOpml, MAX_OPML_CHARS } from "./parse";
export { buildOpml, PARALLAX_OPML_NAMESPACE } from "./build";
export { OpmlError, type OpmlDocument, type OpmlFeed } from "./types";
