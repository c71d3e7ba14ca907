//! The two policy documents in full, as published, with an anchor on every paragraph so that a
//! citation anywhere on the site can link to the exact clause.
//!
//! `build.rs` reads `content/documents/*.txt` and writes the static structure included below;
//! this module only renders it. Anchors: `top` (the letterhead), `s3-2` for clause 三（二）,
//! `s4-2-3` for item 3. of 四（二）, `att1` for 附件1, and `p{n}` for the n-th paragraph — a
//! clause or attachment carries its `p{n}` too, on an empty span at its start.

use leptos::prelude::*;

/// One document: its letterhead, its paragraphs in order, and its clause numbers.
pub struct Document {
    /// The URL slug: the page is at `/documents/<slug>`.
    pub slug: &'static str,
    pub header: Header,
    pub paragraphs: &'static [Paragraph],
    /// (clause path as cited, e.g. `三(二)`, `四(二)3`, `附件1`; its anchor), in document order.
    pub clauses: &'static [(&'static str, &'static str)],
}

/// The letterhead, as printed at the top.
pub struct Header {
    /// The issuing bodies above the number (none when they only sign at the end).
    pub issuers: &'static [&'static str],
    /// The word "文件" of a red letterhead, or empty.
    pub mark: &'static str,
    /// The document number, e.g. 湘卫财务发〔2017〕2号.
    pub number: &'static str,
    /// The notice's title; a line break is the original's.
    pub title: &'static str,
    /// The date of issue as printed. It is not part of the letterhead's text: the same line
    /// also stands in its place among the paragraphs.
    pub date: &'static str,
    /// The same date as YYYY-MM-DD.
    pub datetime: &'static str,
}

/// One paragraph, heading or table.
pub struct Paragraph {
    /// Its anchor: `s…` for a clause, `att…` for an attachment, else the same as `p_id`.
    pub id: &'static str,
    /// `p{number}`: every paragraph has one.
    pub p_id: &'static str,
    /// Its 1-based position among the document's paragraphs.
    pub number: u16,
    pub kind: Kind,
    /// A clause's number and title (up to its first 。 or ：), shown as a heading; empty when the
    /// clause opens with a long sentence. An attachment's label ("附件1").
    pub lead: &'static str,
    /// The text after the lead.
    pub text: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The plan's title (level 2) or an attachment's title (level 3).
    Title(u8),
    /// A numbered clause: 1 for "一、", 2 for "（一）", 3 for "1.".
    Heading(u8),
    Plain,
    /// A signature, date or imprint line.
    Sign,
    /// "附件1".
    Attachment,
    /// A note (注) under a form.
    Note,
    Table(&'static Table),
}

/// A form of an attachment.
#[derive(Debug, PartialEq, Eq)]
pub struct Table {
    /// The attachment's title, to name the table.
    pub title: &'static str,
    /// Header rows.
    pub head: &'static [&'static [Cell]],
    /// Rows of cells; the forms' blank rows are rows of empty cells.
    pub body: &'static [&'static [&'static str]],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Cell {
    pub text: &'static str,
    pub colspan: u8,
    pub rowspan: u8,
}

include!(concat!(env!("OUT_DIR"), "/documents.rs"));

/// Both documents.
pub const DOCUMENTS: [&Document; 2] = [&HUNAN, &JUNSHAN];

/// The document with this slug ("hunan" or "junshan").
pub fn find(slug: &str) -> Option<&'static Document> {
    DOCUMENTS.into_iter().find(|d| d.slug == slug)
}

/// The link to a clause of a document, from the clause's number as the documents print it:
/// Chinese numerals, brackets half- or full-width, an attachment as 附件N.
///
/// ```
/// use app::routes::documents::clause_href;
/// assert_eq!(clause_href("hunan", "三(二)").as_deref(), Some("/documents/hunan#s3-2"));
/// assert_eq!(clause_href("junshan", "四（二）3").as_deref(), Some("/documents/junshan#s4-2-3"));
/// assert_eq!(clause_href("junshan", "附件2").as_deref(), Some("/documents/junshan#att2"));
/// assert_eq!(clause_href("hunan", "九"), None);
/// ```
pub fn clause_href(doc: &str, clause: &str) -> Option<String> {
    let (slug, clauses) = CLAUSE_INDEX.iter().find(|(slug, _)| *slug == doc)?;
    let path: String = clause
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
    let path = path.trim_end_matches(['.', '．', '、']);
    let (_, id) = clauses.iter().find(|(p, _)| *p == path)?;
    Some(format!("/documents/{slug}#{id}"))
}

/// One line of the contents: a clause or an attachment, and the level-2 clauses under it.
pub struct Entry {
    pub id: &'static str,
    pub label: String,
    pub children: Vec<Entry>,
}

/// The contents: level-1 clauses with their level-2 clauses, then the attachments.
pub fn contents(doc: &Document) -> Vec<Entry> {
    let short = |p: &Paragraph| p.lead.trim_end_matches(['。', '：', ':']).to_string();
    let mut entries: Vec<Entry> = Vec::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        match p.kind {
            Kind::Heading(1) => entries.push(Entry { id: p.id, label: short(p), children: Vec::new() }),
            Kind::Heading(2) => {
                if let Some(parent) = entries.last_mut() {
                    parent.children.push(Entry { id: p.id, label: short(p), children: Vec::new() });
                }
            }
            Kind::Attachment => {
                let title = match doc.paragraphs.get(i + 1) {
                    Some(Paragraph { kind: Kind::Title(_), text, .. }) => text,
                    _ => "",
                };
                entries.push(Entry { id: p.id, label: format!("{}　{title}", p.lead), children: Vec::new() });
            }
            _ => {}
        }
    }
    entries
}

/// The page of the Hunan plan, at `/documents/hunan`.
#[component]
pub fn HunanDocument() -> impl IntoView {
    view! { <DocumentPage doc=&HUNAN/> }
}

/// The page of the Junshan plan, at `/documents/junshan`.
#[component]
pub fn JunshanDocument() -> impl IntoView {
    view! { <DocumentPage doc=&JUNSHAN/> }
}

/// A document in full: the note, the letterhead, the contents, then every paragraph.
#[component]
fn DocumentPage(doc: &'static Document) -> impl IntoView {
    view! {
        <article class="doc">
            <div class="doc-note">
                <p>"以下为文件原文，仅整理了分页造成的断行。"</p>
                <p>"成文日期："<time datetime=doc.header.datetime>{doc.header.date}</time></p>
            </div>
            <Letterhead header=&doc.header/>
            <Contents doc=doc/>
            <div class="doc-body">
                {doc.paragraphs.iter().map(|p| view! { <Block p=p/> }).collect_view()}
            </div>
        </article>
    }
}

/// The issuers, the number and the notice's title, as at the top of the print.
#[component]
fn Letterhead(header: &'static Header) -> impl IntoView {
    let issuers = (!header.issuers.is_empty()).then(|| {
        view! {
            <div class="doc-issuers">
                <div>{header.issuers.iter().map(|i| view! { <span>{*i}</span> }).collect_view()}</div>
                {(!header.mark.is_empty()).then(|| view! { <span class="doc-mark">{header.mark}</span> })}
            </div>
        }
    });
    view! {
        <header id="top" class="doc-head">
            {issuers}
            <p class="doc-number">{header.number}</p>
            <h1>{header.title}</h1>
        </header>
    }
}

#[component]
fn Contents(doc: &'static Document) -> impl IntoView {
    let item = |e: &Entry| view! { <a href=format!("#{}", e.id) target="_self">{e.label.clone()}</a> };
    let entries = contents(doc);
    view! {
        <nav class="doc-toc" aria-label="目录">
            <h2>"目录"</h2>
            <ul>
                {entries
                    .iter()
                    .map(|e| {
                        let children = (!e.children.is_empty()).then(|| {
                            view! { <ul>{e.children.iter().map(|c| view! { <li>{item(c)}</li> }).collect_view()}</ul> }
                        });
                        view! { <li>{item(e)}{children}</li> }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The small "#" beside a clause: a link to it that can be copied.
#[component]
fn HereLink(id: &'static str) -> impl IntoView {
    view! { <a class="doc-here" href=format!("#{id}") target="_self" aria-label="本段链接">"#"</a> }
}

/// One paragraph, in the form its kind calls for.
#[component]
fn Block(p: &'static Paragraph) -> impl IntoView {
    match p.kind {
        Kind::Title(2) => view! { <h2 id=p.id class="doc-title">{p.text}</h2> }.into_any(),
        Kind::Title(_) => view! { <h3 id=p.id class="doc-title">{p.text}</h3> }.into_any(),
        Kind::Heading(level) => view! { <Clause p=p level=level/> }.into_any(),
        Kind::Attachment => view! {
            <div id=p.id class="doc-para doc-att">
                <span id=p.p_id class="doc-anchor"></span>
                <h2>{p.lead}<HereLink id=p.id/></h2>
            </div>
        }
        .into_any(),
        Kind::Table(table) => view! { <FormTable id=p.id table=table/> }.into_any(),
        // One arm for the plain kinds: each distinct view costs code in the wasm.
        Kind::Sign | Kind::Note | Kind::Plain => {
            let class = match p.kind {
                Kind::Sign => "doc-para doc-sign",
                Kind::Note => "doc-para doc-form-note",
                _ => "doc-para",
            };
            view! { <p id=p.id class=class>{p.text}</p> }.into_any()
        }
    }
}

/// A numbered clause: its heading runs into its text, as printed.
#[component]
fn Clause(p: &'static Paragraph, level: u8) -> impl IntoView {
    let heading = match level {
        _ if p.lead.is_empty() => None,
        1 => Some(view! { <h2>{p.lead}<HereLink id=p.id/></h2> }.into_any()),
        2 => Some(view! { <h3>{p.lead}<HereLink id=p.id/></h3> }.into_any()),
        _ => Some(view! { <h4>{p.lead}<HereLink id=p.id/></h4> }.into_any()),
    };
    let trailing_link = p.lead.is_empty().then(|| view! { <HereLink id=p.id/> });
    view! {
        <div id=p.id class=format!("doc-para doc-clause doc-l{level}")>
            <span id=p.p_id class="doc-anchor"></span>
            {heading}
            {p.text}
            {trailing_link}
        </div>
    }
}

/// A form of an attachment, scrolling sideways inside its frame on a narrow screen.
#[component]
fn FormTable(id: &'static str, table: &'static Table) -> impl IntoView {
    let head = table.head.iter().map(|row| {
        let cells = row.iter().map(|c| {
            let scope = if c.colspan > 1 { "colgroup" } else { "col" };
            view! { <th scope=scope colspan=c.colspan rowspan=c.rowspan>{c.text}</th> }
        });
        view! { <tr>{cells.collect_view()}</tr> }
    });
    let body = table.body.iter().map(|row| {
        view! { <tr>{row.iter().map(|t| view! { <td>{*t}</td> }).collect_view()}</tr> }
    });
    view! {
        <div id=id class="doc-para doc-table" role="region" aria-label=table.title tabindex="0">
            <table>
                <thead>{head.collect_view()}</thead>
                <tbody>{body.collect_view()}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::path::PathBuf;

    const FILES: [(&str, &str); 2] =
        [("hunan", "hunan-2017-three-batches.txt"), ("junshan", "junshan-2017-nine-diseases.txt")];

    fn repo() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn squeeze(text: &str) -> String {
        text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// Every character the page shows from the document, in order.
    fn all_text(doc: &Document) -> String {
        let h = &doc.header;
        let mut out: String = h.issuers.concat();
        out.push_str(h.mark);
        out.push_str(h.number);
        out.push_str(h.title);
        for p in doc.paragraphs {
            out.push_str(p.lead);
            out.push_str(p.text);
            if let Kind::Table(t) = p.kind {
                for row in t.head {
                    row.iter().for_each(|c| out.push_str(c.text));
                }
                for row in t.body {
                    row.iter().for_each(|c| out.push_str(c));
                }
            }
        }
        out
    }

    fn doc(slug: &str) -> &'static Document {
        find(slug).expect("a document")
    }

    #[test]
    fn the_text_is_the_files_text_character_for_character() {
        for (slug, file) in FILES {
            let source = std::fs::read_to_string(repo().join("content/documents").join(file)).unwrap();
            assert_eq!(squeeze(&all_text(doc(slug))), squeeze(&source), "{slug}");
        }
    }

    /// The two documents as issued: their length in bytes and 64-bit FNV-1a digest, recorded
    /// from the copies the project was given. The files are never edited, not even a space.
    const ISSUED: [(&str, usize, u64); 2] = [
        ("hunan-2017-three-batches.txt", 16639, 0x325a_a6cf_45f0_cace),
        ("junshan-2017-nine-diseases.txt", 13959, 0x7a71_6054_7ff6_1855),
    ];

    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
    }

    #[test]
    fn the_files_are_the_documents_as_issued_byte_for_byte() {
        for (file, len, digest) in ISSUED {
            let ours = std::fs::read(repo().join("content/documents").join(file)).unwrap();
            assert_eq!(ours.len(), len, "content/documents/{file} has changed");
            assert_eq!(fnv1a(&ours), digest, "content/documents/{file} has changed");
        }
        assert_eq!(ISSUED.len(), FILES.len());
    }

    #[test]
    fn every_anchor_is_unique() {
        for d in DOCUMENTS {
            let mut seen = HashSet::from(["top"]);
            for (i, p) in d.paragraphs.iter().enumerate() {
                assert_eq!(usize::from(p.number), i + 1);
                assert_eq!(p.p_id, format!("p{}", p.number));
                assert!(seen.insert(p.id), "{} twice in {}", p.id, d.slug);
                if p.p_id != p.id {
                    assert!(seen.insert(p.p_id), "{} twice in {}", p.p_id, d.slug);
                }
            }
        }
    }

    fn clause_anchors(d: &Document) -> Vec<&'static str> {
        d.paragraphs.iter().filter(|p| matches!(p.kind, Kind::Heading(_))).map(|p| p.id).collect()
    }

    #[test]
    fn the_clauses_follow_the_documents_numbering() {
        assert_eq!(
            clause_anchors(doc("hunan")),
            [
                "s1", "s2", "s2-1", "s2-1-1", "s2-1-2", "s2-1-3", "s2-1-4", "s2-1-5", "s2-2", "s2-2-1", "s2-2-2",
                "s2-2-3", "s2-3", "s2-3-1", "s2-3-2", "s2-3-3", "s2-3-4", "s3", "s3-1", "s3-2", "s3-3", "s3-4", "s3-5",
                "s3-6",
            ]
        );
        assert_eq!(
            clause_anchors(doc("junshan")),
            [
                "s1", "s2", "s2-1", "s2-2", "s2-3", "s2-4", "s3", "s4", "s4-1", "s4-1-1", "s4-1-2", "s4-2", "s4-2-1",
                "s4-2-2", "s4-2-3", "s4-3", "s4-4", "s4-4-1", "s4-4-2", "s5", "s5-1", "s5-2", "s5-2-1", "s5-2-2",
                "s5-2-3", "s5-2-4", "s5-2-5", "s5-3", "s5-4",
            ]
        );
        let atts: Vec<&str> =
            doc("junshan").paragraphs.iter().filter(|p| p.kind == Kind::Attachment).map(|p| p.id).collect();
        assert_eq!(atts, ["att1", "att2", "att3"]);
    }

    #[test]
    fn clause_href_links_the_cited_clause() {
        let cases = [
            ("hunan", "三(二)", Some("/documents/hunan#s3-2")),
            ("hunan", "三（二）", Some("/documents/hunan#s3-2")),
            ("hunan", "三", Some("/documents/hunan#s3")),
            ("hunan", "三、", Some("/documents/hunan#s3")),
            ("hunan", "二(三)4", Some("/documents/hunan#s2-3-4")),
            ("hunan", " 二 ( 三 ) 4. ", Some("/documents/hunan#s2-3-4")),
            ("junshan", "四(二)3", Some("/documents/junshan#s4-2-3")),
            ("junshan", "四（二）1", Some("/documents/junshan#s4-2-1")),
            ("junshan", "二(四)", Some("/documents/junshan#s2-4")),
            ("junshan", "附件1", Some("/documents/junshan#att1")),
            ("junshan", "附件3", Some("/documents/junshan#att3")),
            ("hunan", "四", None),
            ("hunan", "三(七)", None),
            ("hunan", "附件1", None),
            ("junshan", "四(二)4", None),
            ("junshan", "四1", None),
            ("junshan", "", None),
            ("beijing", "一", None),
        ];
        for (d, clause, want) in cases {
            assert_eq!(clause_href(d, clause).as_deref(), want, "{d} {clause}");
        }
    }

    #[test]
    fn every_link_clause_href_gives_points_at_a_paragraph() {
        const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        for d in DOCUMENTS {
            let ids: HashSet<&str> = d.paragraphs.iter().map(|p| p.id).collect();
            let mut paths: Vec<String> = d.clauses.iter().map(|(p, _)| p.to_string()).collect();
            for a in NUMERALS {
                for b in std::iter::once(String::new()).chain(NUMERALS.iter().map(|b| format!("({b})"))) {
                    for c in std::iter::once(String::new()).chain((1..10).map(|c| c.to_string())) {
                        paths.push(format!("{a}{b}{c}"));
                    }
                }
            }
            paths.extend((1..5).map(|n| format!("附件{n}")));
            let mut found = 0;
            for path in &paths {
                if let Some(href) = clause_href(d.slug, path) {
                    let (page, id) = href.split_once('#').unwrap();
                    assert_eq!(page, format!("/documents/{}", d.slug));
                    assert!(ids.contains(id), "{path} → {href}, which is not an anchor");
                    found += 1;
                }
            }
            // Every clause is reached (its own path twice: from the list and from the sweep).
            assert_eq!(found, 2 * d.clauses.len(), "{}", d.slug);
        }
    }

    fn paragraph_with(d: &'static Document, needle: &str) -> &'static Paragraph {
        d.paragraphs
            .iter()
            .find(|p| p.lead.contains(needle) || p.text.contains(needle))
            .unwrap_or_else(|| panic!("no paragraph with {needle}"))
    }

    #[test]
    fn paragraphs_cut_by_a_page_break_are_whole_again() {
        let hunan = doc("hunan");
        for joined in [
            "按照国家卫生计生委等六部门《关于印发健康扶贫工程“三个一批”行动计划的通知》（国卫财务发〔2017〕19号）",
            "定点医院原则上安排在县级医院，县级医院不具备医疗条件的",
            "规范临床诊疗行为，保障医疗质量与安全",
            "组成医生团队与贫困家庭签约",
            "完善医保、大病保险和医疗救助等政策",
            "只需向定点医疗机构支付",
            "主动抓好工作推进和政策衔接落实",
            "农村贫困人口通过基本医保、大病保险、医疗救助",
            "加强贫困地区远程医疗能力建设，建立医疗信息共享大平台",
            "各市州卫生计生委、民政局、财政局、人力资源和社会保障局、扶贫办：",
        ] {
            paragraph_with(hunan, joined);
        }
        // A clause's closing note pushed onto the next page belongs to the clause.
        let p = paragraph_with(hunan, "广泛动员部署");
        assert_eq!(p.id, "s3-3");
        assert!(p.text.ends_with("有序推进。（省卫生计生委牵头，省计生协、省扶贫办配合）"));
        // Paragraphs that end where a line ends stay apart.
        assert_eq!(paragraph_with(hunan, "湖南省卫生计生委办公室").text, "湖南省卫生计生委办公室");
    }

    #[test]
    fn the_originals_typos_are_kept() {
        let junshan = doc("junshan");
        assert!(paragraph_with(junshan, "2017年9岳11日印发").kind == Kind::Sign);
        paragraph_with(junshan, "区政府绐予不超过90%的保费补贴");
        let tables: Vec<&Table> = junshan
            .paragraphs
            .iter()
            .filter_map(|p| match p.kind {
                Kind::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert!(tables[2].body.iter().any(|row| row[0] == "終末期肾病"));
    }

    #[test]
    fn the_letterheads_and_titles() {
        let hunan = &doc("hunan").header;
        assert_eq!(hunan.issuers.len(), 6);
        assert_eq!(hunan.mark, "文件");
        assert_eq!(hunan.number, "湘卫财务发〔2017〕2号");
        assert_eq!(hunan.title, "关于印发湖南省健康扶贫工程“三个一批” 行动计划实施方案的通知");
        assert_eq!((hunan.date, hunan.datetime), ("2017年6月30日", "2017-06-30"));
        let junshan = &doc("junshan").header;
        assert!(junshan.issuers.is_empty());
        assert_eq!(junshan.number, "岳君卫发〔2017〕71号");
        assert_eq!(junshan.title, "关于印发君山区农村贫困人口大病专项\n救治工作方案的通知");
        assert_eq!((junshan.date, junshan.datetime), ("2017年9月11日", "2017-09-11"));
        let titles = |d: &Document| -> Vec<&str> {
            d.paragraphs.iter().filter(|p| matches!(p.kind, Kind::Title(_))).map(|p| p.text).collect()
        };
        assert_eq!(titles(doc("hunan")), ["湖南省健康扶贫工程“三个一批” 行动计划实施方案"]);
        assert_eq!(
            titles(doc("junshan")),
            [
                "君山区农村贫困人口大病专项救治\n工 作 方 案",
                "君山区非建档立卡农村特困供养人员、低保对象及贫困残疾人罹患专项救治疾病患者台账管理表",
                "君山区农村贫困人口大病救治医疗专家组名单",
                "君山区农村贫困人口大病专项救治工作救助进展情况统计表",
            ]
        );
    }

    #[test]
    fn the_attachments_forms_are_tables() {
        let tables: Vec<&Table> = doc("junshan")
            .paragraphs
            .iter()
            .filter_map(|p| match p.kind {
                Kind::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(tables.len(), 3);
        let texts = |row: &[Cell]| row.iter().map(|c| (c.text, c.colspan, c.rowspan)).collect::<Vec<_>>();

        let ledger = tables[0];
        assert_eq!(texts(ledger.head[0]), [("疾病名称", 1, 2), ("序号", 1, 2), ("个人信息", 9, 1)]);
        assert_eq!(ledger.head[1].len(), 9);
        assert_eq!(ledger.head[1][0].text, "姓名");
        assert_eq!(ledger.body.len(), 3);
        assert!(ledger.body.iter().all(|r| r.len() == 11 && r.iter().all(|c| c.is_empty())));

        let experts = tables[1];
        assert_eq!(texts(experts.head[0]), [("姓名", 1, 1), ("工作单位", 1, 1), ("职务/职称", 1, 1), ("备注", 1, 1)]);
        assert_eq!(experts.body.len(), 8);
        assert_eq!(experts.body[0], ["李小齐", "君山区人民医院", "内科副主任医师", ""]);
        assert_eq!(experts.body[7][0], "曹长波");

        let progress = tables[2];
        assert_eq!(texts(progress.head[0]), [("建档立卡人数", 5, 1), ("非建档立卡人数", 5, 1)]);
        assert_eq!(progress.head[1].len(), 10);
        let diseases: Vec<&str> = progress.body.iter().map(|r| r[0]).collect();
        assert_eq!(diseases, ["儿童先天性心脏病", "儿童白血病", "終末期肾病", "食管癌", "胃癌", "结肠癌", "直肠癌"]);
        assert!(progress.body.iter().all(|r| r[0] == r[5]));

        let notes: Vec<&str> =
            doc("junshan").paragraphs.iter().filter(|p| p.kind == Kind::Note).map(|p| p.text).collect();
        assert_eq!(notes.len(), 5);
        assert!(notes[0].starts_with("注：1.县（市、区）"));
        assert_eq!(notes[2], "3.此表可续。");
        assert!(notes[4].starts_with("2. 非建档立卡人数"));
    }

    /// The (document, clause) pairs the policy data files cite, read with a plain text scan.
    fn cited_in_policy_data() -> Vec<(String, String)> {
        let value_after = |text: &str, key: &str| -> Option<String> {
            let rest = &text[text.find(key)? + key.len()..];
            let rest = &rest[rest.find('"')? + 1..];
            Some(rest[..rest.find('"')?].to_string())
        };
        let mut pairs = Vec::new();
        let dir = repo().join("policy/data");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for piece in text.split("\"document\"").skip(1) {
                let (Some(document), Some(clause)) = (value_after(piece, ":"), value_after(piece, "\"clause\":"))
                else {
                    continue;
                };
                pairs.push((document, clause));
            }
        }
        pairs
    }

    #[test]
    fn every_clause_the_policy_data_cites_has_a_link() {
        let cited = cited_in_policy_data();
        assert!(cited.len() >= 10, "found only {cited:?}");
        for (document, clause) in cited {
            assert!(clause_href(&document, &clause).is_some(), "{document} {clause} has no anchor");
        }
    }

    #[test]
    fn the_contents_list_the_first_two_levels_and_the_attachments() {
        let hunan = contents(doc("hunan"));
        let labels: Vec<&str> = hunan.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["一、工作目标", "二、行动措施", "三、组织实施"]);
        assert_eq!(hunan[2].children.len(), 6);
        assert_eq!(hunan[2].children[1].label, "（二）整合政策资源，提高保障水平");
        assert_eq!(hunan[2].children[1].id, "s3-2");
        let junshan = contents(doc("junshan"));
        assert_eq!(junshan.len(), 8);
        assert_eq!(junshan[1].children[0].label, "（一）消化道肿瘤");
        assert_eq!(junshan[6].id, "att2");
        assert_eq!(junshan[6].label, "附件2　君山区农村贫困人口大病救治医疗专家组名单");
    }
}
