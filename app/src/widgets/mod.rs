//! What several pages show: citations and the labels of the site's readings, the glossary,
//! sharing, reading aloud, 大字, and the islands a page's interactive parts run in.

pub mod cite;
pub mod glossary;
pub mod island;
pub(crate) mod large_text;
pub(crate) mod read_aloud;
pub mod share;
