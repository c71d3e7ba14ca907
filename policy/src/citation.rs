//! Where a rule or a value comes from: a clause of one of the two documents, or a public source.

use crate::ids::Document;
use std::fmt;

/// A clause of one of the documents, as the engine cites it beside each result line.
///
/// `clause` is the document's own numbering with ASCII brackets, e.g. `三(二)`; the site links
/// it to that clause of its documents page.
///
/// ```
/// use policy::{Citation, Document};
/// let c = Citation::new(Document::Hunan, "三(二)", "三提高");
/// assert_eq!(c.to_string(), "湘卫财务发〔2017〕2号 三（二）“三提高”");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Citation {
    /// The document.
    pub document: Document,
    /// The clause path, e.g. `三(二)` or `四(二)1`.
    pub clause: &'static str,
    /// A short label of the provision, e.g. `三提高`; may be empty.
    pub label: &'static str,
}

impl Citation {
    /// A citation of `clause` of `document`, labelled `label`.
    pub const fn new(document: Document, clause: &'static str, label: &'static str) -> Citation {
        Citation { document, clause, label }
    }

    /// A clause of the Hunan document (湘卫财务发〔2017〕2号).
    pub const fn hunan(clause: &'static str, label: &'static str) -> Citation {
        Citation::new(Document::Hunan, clause, label)
    }

    /// A clause of the Junshan document (岳君卫发〔2017〕71号).
    pub const fn junshan(clause: &'static str, label: &'static str) -> Citation {
        Citation::new(Document::Junshan, clause, label)
    }

    /// The clause path as the documents print it, with full-width brackets: `三（二）`.
    ///
    /// ```
    /// assert_eq!(policy::Citation::hunan("二(三)3", "").clause_text(), "二（三）3");
    /// ```
    pub fn clause_text(&self) -> String {
        self.clause.replace('(', "（").replace(')', "）")
    }
}

/// Writes a clause path with full-width brackets, as the documents print it.
pub(crate) fn write_clause(f: &mut fmt::Formatter<'_>, clause: &str) -> fmt::Result {
    for c in clause.chars() {
        match c {
            '(' => f.write_str("（")?,
            ')' => f.write_str("）")?,
            c => fmt::Write::write_char(f, c)?,
        }
    }
    Ok(())
}

fn write_cited(f: &mut fmt::Formatter<'_>, document: Document, clause: &str, label: &str) -> fmt::Result {
    f.write_str(document.number())?;
    f.write_str(" ")?;
    write_clause(f, clause)?;
    if !label.is_empty() {
        write!(f, "“{label}”")?;
    }
    Ok(())
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_cited(f, self.document, self.clause, self.label)
    }
}

/// Where a value in the data files comes from.
///
/// ```
/// use policy::{Policy, ParamId, Region, Date};
/// let p = Policy::builtin();
/// let params = p.parameters(Region::Junshan, Date::new(2018, 3, 1).unwrap()).unwrap();
/// let uplift = params.entry(ParamId::BasicPoorUplift).unwrap();
/// assert_eq!(uplift.source.to_string(), "湘卫财务发〔2017〕2号 三（二）“三提高”");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A clause of one of the documents.
    Document {
        /// The document.
        document: Document,
        /// The clause path, e.g. `三(二)`.
        clause: String,
        /// A short label, e.g. `三提高`.
        label: Option<String>,
    },
    /// A public source outside the documents.
    Public {
        /// What the source is, in words.
        text: String,
        /// Its address, when it has one.
        url: Option<String>,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Document { document, clause, label } => {
                write_cited(f, *document, clause, label.as_deref().unwrap_or(""))
            }
            Source::Public { text, .. } => f.write_str(text),
        }
    }
}
