//! Every page of the site: its path, title and description.
//!
//! The one page table. The pre-render step writes it out as `pages.json` ([`manifest_json`]),
//! which the build tool (`xtask`) reads to write one real HTML file per page, with that page's
//! own `<title>` and description, and which the browser tests read to visit every page.

/// One page of the site.
pub struct Page {
    /// The path it is served at, with a leading and no trailing slash ("/" for home).
    pub path: &'static str,
    /// The `<title>`, without the site's name.
    pub title: &'static str,
    /// The `<meta name="description">`: one plain sentence.
    pub description: &'static str,
    /// Its short name in the site's navigation; empty for a page not listed there.
    pub nav: &'static str,
}

/// The site's name, appended to every title.
pub const SITE_NAME: &str = "健康扶贫政策计算器";

/// The pages in navigation order.
pub const PAGES: &[Page] = &[
    Page {
        path: "/",
        title: "首页",
        description: "湖南省健康扶贫“三个一批”和君山区九种大病专项救治政策：看得懂的说明，算得清的住院费用。",
        nav: "",
    },
    Page {
        path: "/calculator",
        title: "住院费用计算器",
        description: "填上病人的身份、疾病、医院和住院费用，估算基本医保、大病保险、医疗救助、医院减免之后家里要付多少钱，每一项都写明依据。",
        nav: "算一算",
    },
    Page {
        path: "/diseases",
        title: "九种大病专项救治",
        description: "君山区农村贫困人口九种大病：是什么病、谁能享受、到哪家医院治、政策怎么付，每种病都有一个算好的例子。",
        nav: "九种大病",
    },
    Page {
        path: "/hospitals",
        title: "定点医院",
        description: "君山区九种大病的两家定点医院：各治什么病、怎么转诊、绿色通道、先诊疗后付费、住院要带什么、区里的专家组。",
        nav: "定点医院",
    },
    Page {
        path: "/policy",
        title: "健康扶贫政策解读",
        description: "用大白话讲湖南省健康扶贫“三个一批”和君山区九种大病救治：谁能享受，三提高、两补贴、一减免、一兜底怎么报，常见问题和名词解释，例子都由计算器算出。",
        nav: "政策解读",
    },
    Page {
        path: "/premium",
        title: "参保费用补贴计算（两补贴）",
        description: "填上家里特困、低保、建档立卡等各有几个人，算一算一年的城乡居民医保和扶贫特惠保家里要交多少、政府补贴多少，每一项都写明依据。",
        nav: "参保补贴",
    },
    Page {
        path: "/cadre",
        title: "干部台账：九种大病贫困患者名单",
        description: "村干部和乡镇卫生院用的救治台账：在自己手机上登记九种大病贫困患者，逐个估算家里要付多少钱，导入导出 CSV，打印附件1台账管理表和附件3救助进展情况统计表。名单不上传。",
        nav: "干部台账",
    },
    Page {
        path: "/documents/hunan",
        title: "湖南省“三个一批”实施方案（原文）",
        description: "湘卫财务发〔2017〕2号《湖南省健康扶贫工程“三个一批”行动计划实施方案》全文，每一条都可以单独链接。",
        nav: "省里文件",
    },
    Page {
        path: "/documents/junshan",
        title: "君山区九种大病专项救治方案（原文）",
        description: "岳君卫发〔2017〕71号《君山区农村贫困人口大病专项救治工作方案》全文及三个附件，每一条都可以单独链接。",
        nav: "区里文件",
    },
    Page {
        path: "/poster",
        title: "健康扶贫政策海报",
        description: "一张A4海报：九种大病、定点医院、三提高两补贴一减免一兜底各一句话、一个由计算器算出的例子和本站二维码，打印出来贴在村务公开栏。",
        nav: "",
    },
    Page {
        path: "/embed",
        title: "住院费用计算器（嵌入版）",
        description: "供县、乡镇政府网站嵌入的住院费用计算器：只有填写表和估算结果。",
        nav: "",
    },
];

/// The page shown for any path the site does not have.
pub const NOT_FOUND: Page =
    Page {
        path: "/404", title: "找不到这个页面", description: "这个网址没有对应的页面，请回到首页。", nav: ""
    };

/// The full `<title>` text of a page.
pub fn full_title(page: &Page) -> String {
    format!("{} - {}", page.title, SITE_NAME)
}

/// The page table as JSON: every page and then the not-found page, each with its path, title,
/// full title, description, navigation name and file in the built site.
///
/// ```
/// let manifest: serde_json::Value = serde_json::from_str(&app::routes::pages::manifest_json()).unwrap();
/// assert_eq!(manifest["pages"][0]["file"], "index.html");
/// assert_eq!(manifest["not_found"]["file"], "404.html");
/// ```
pub fn manifest_json() -> String {
    let entry = |p: &Page| {
        serde_json::json!({
            "path": p.path,
            "title": p.title,
            "full_title": full_title(p),
            "description": p.description,
            "nav": p.nav,
            "file": page_file(p),
        })
    };
    let manifest = serde_json::json!({
        "pages": PAGES.iter().map(entry).collect::<Vec<_>>(),
        "not_found": entry(&NOT_FOUND),
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default()
}

/// The file a page is written to in the built site: `/` is `index.html`, `/a` is
/// `a/index.html`, the not-found page is `404.html`.
pub fn page_file(page: &Page) -> String {
    match page.path.trim_matches('/') {
        "" => "index.html".into(),
        "404" => "404.html".into(),
        path => format!("{path}/index.html"),
    }
}
