//! Every page of the site: its path, title and description.
//!
//! This file has no dependencies so that the build tool (`xtask`) can include it too and write
//! one real HTML file per page, with that page's own `<title>` and description, before any
//! script has run.

/// One page of the site.
pub struct Page {
    /// The path it is served at, with a leading and no trailing slash ("/" for home).
    pub path: &'static str,
    /// The `<title>`, without the site's name.
    pub title: &'static str,
    /// The `<meta name="description">`: one plain sentence.
    pub description: &'static str,
}

/// The site's name, appended to every title.
pub const SITE_NAME: &str = "健康扶贫政策计算器";

/// The pages in navigation order.
pub const PAGES: &[Page] = &[Page {
    path: "/",
    title: "首页",
    description: "湖南省健康扶贫“三个一批”和君山区九种大病专项救治政策：看得懂的说明，算得清的住院费用。",
}];

/// The page shown for any path the site does not have.
pub const NOT_FOUND: Page = Page {
    path: "/404",
    title: "找不到这个页面",
    description: "这个网址没有对应的页面，请回到首页。",
};

/// The full `<title>` text of a page.
pub fn full_title(page: &Page) -> String {
    format!("{} - {}", page.title, SITE_NAME)
}
