//! 干部台账: the roster of poor patients with one of the nine diseases that village cadres and
//! township health staff keep (岳君卫发〔2017〕71号 四（一）), on their own device only. Each row
//! is estimated by the engine; the roster is imported and exported as the CSV that the
//! `estimate` tool also reads, and fills the printable 附件1 and 附件3.
//!
//! Browser storage and files are touched only in effects and event handlers, so the page can be
//! rendered ahead of time without a browser.

mod forms;
mod roster;

use engine::roster::{
    check_id, check_row, hospitals, read_csv, tidy, write_csv, Column, Row, RowProblem, CATEGORIES, HEADERS,
    STATUS_DONE, STATUS_OPEN,
};
use leptos::prelude::*;
use policy::{Date, DiseaseId};
use std::time::Duration;

use crate::format::money::yuan;
use forms::{Attachment1, Attachment3};
use roster::{merge, summarize, Loaded};

/// Rows shown at first, and added by "显示更多": enough for a village, light on a cheap phone.
const PAGE: usize = 50;

/// Which view the page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Roster,
    Att1,
    Att3,
}

/// The outcome of the last import, for the report under the buttons.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ImportReport {
    file: String,
    added: usize,
    skipped: usize,
    errors: Vec<RowProblem>,
    warnings: Vec<RowProblem>,
}

/// The row being edited: its index (None for a new one), the draft and the problems found on
/// saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Draft {
    index: Option<usize>,
    row: Row,
    errors: Vec<(Column, String)>,
}

/// The 干部台账 page.
#[component]
pub fn CadrePage() -> impl IntoView {
    let rows = RwSignal::new(Vec::<Row>::new());
    let storage = RwSignal::new(None::<StorageState>);
    let mode = RwSignal::new(Mode::Roster);
    let shown = RwSignal::new(PAGE);
    let report = RwSignal::new(None::<ImportReport>);
    let draft = RwSignal::new(None::<Draft>);
    let confirm_clear = RwSignal::new(false);
    let today = RwSignal::new(None::<Date>);
    let cutoff = RwSignal::new(String::new());

    // Storage is read once in the browser, changing nothing; writing waits for it, so an empty
    // start never overwrites a saved roster, and never happens while what is stored could not be
    // read.
    Effect::new(move |_| {
        let state = match roster::load() {
            Loaded::Rows(saved) => {
                rows.set(saved);
                StorageState::Saved
            }
            Loaded::Unreadable { raw, reason } => StorageState::Unreadable { raw, reason },
            Loaded::Unavailable(reason) => StorageState::Unavailable(reason),
        };
        let day = crate::browser::clock::today();
        today.set(day);
        cutoff.set(day.map(|d| d.to_string()).unwrap_or_default());
        storage.set(Some(state));
    });
    Effect::new(move |_| {
        let saves = storage.with_untracked(|s| s.as_ref().is_some_and(StorageState::saves));
        match rows.with(|r| saves.then(|| roster::save(r))) {
            Some(Err(e)) => storage.set(Some(StorageState::SaveFailed(e))),
            Some(Ok(())) if storage.with_untracked(|s| matches!(s, Some(StorageState::SaveFailed(_)))) => {
                storage.set(Some(StorageState::Saved))
            }
            _ => {}
        }
    });

    let summary = Memo::new(move |_| rows.with(|r| summarize(r)));

    let on_import = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string());
            let Some(text) = text else {
                report.set(Some(ImportReport {
                    file: name,
                    errors: vec![RowProblem { row: 0, column: String::new(), reason: "读不出这个文件".into() }],
                    ..ImportReport::default()
                }));
                return;
            };
            let import = read_csv(&text);
            let mut errors = import.errors;
            errors.extend(import.unreadable);
            let found = import.rows.len();
            let mut skipped = 0;
            rows.update(|r| skipped = merge(r, import.rows));
            report.set(Some(ImportReport {
                file: name,
                added: found - skipped,
                skipped,
                errors,
                warnings: import.warnings,
            }));
        });
    };

    let on_export = move |_| {
        let text = rows.with(|r| write_csv(r));
        let day = today.get_untracked().map(|d| d.to_string()).unwrap_or_default();
        download(&format!("健康扶贫台账-{day}.csv"), "text/csv;charset=utf-8", &text);
    };

    let save_draft = move |_| {
        let Some(mut d) = draft.get_untracked() else { return };
        tidy(&mut d.row);
        let (errors, _) = check_row(&d.row);
        if !errors.is_empty() {
            d.errors = errors;
            draft.set(Some(d));
            return;
        }
        rows.update(|r| match d.index.filter(|i| *i < r.len()) {
            Some(i) => r[i] = d.row,
            None => r.push(d.row),
        });
        draft.set(None);
    };

    let new_row = move |_| {
        let next = rows.with(|r| r.iter().filter_map(|x| x.serial.parse::<usize>().ok()).max().unwrap_or(0) + 1);
        let ledger = today.get_untracked().map(|d| d.to_string()).unwrap_or_default();
        let row = Row { serial: next.to_string(), ledger_date: ledger, status: STATUS_OPEN.into(), ..Row::default() };
        draft.set(Some(Draft { index: None, row, errors: Vec::new() }));
    };

    let roster_view = move || {
        view! {
            <h1>"干部台账：九种大病贫困患者名单"</h1>
            <p class="privacy-note" id="privacy-note">
                "名单只保存在这台手机（电脑）的浏览器里，不会上传到任何地方。换手机或清除浏览器数据会丢失，请定期导出备份。"
            </p>
            <StorageNotice storage=storage rows=rows/>
            <p>
                "按《君山区农村贫困人口大病专项救治工作方案》四（一）建立救治台账。每个病人按出院日期用本站的计算器估算家里要付多少钱，"
                "并可打印附件1（台账管理表）和附件3（救助进展情况统计表）。"
            </p>
            <div class="cadre-actions">
                <button type="button" id="add-row" on:click=new_row>"添加病人"</button>
                <label class="button secondary file-button" for="cadre-import">"导入 CSV 文件"</label>
                <input type="file" id="cadre-import" class="visually-hidden" accept=".csv,text/csv" on:change=on_import/>
                <button type="button" class="secondary" id="export" on:click=on_export>"导出全部（CSV）"</button>
                <button type="button" class="secondary" id="print-att1" on:click=move |_| mode.set(Mode::Att1)>"打印附件1"</button>
                <button type="button" class="secondary" id="print-att3" on:click=move |_| mode.set(Mode::Att3)>"打印附件3"</button>
                <button type="button" class="secondary danger" id="clear" on:click=move |_| confirm_clear.set(true)>"清空全部"</button>
            </div>
            {move || confirm_clear.get().then(|| view! {
                <div class="confirm-box" id="clear-confirm" role="alertdialog" aria-labelledby="clear-question">
                    <p id="clear-question">
                        {format!("确定要清空全部 {} 个病人吗？清空后不能恢复。清空前请先“导出全部”留一份备份。", rows.with(Vec::len))}
                    </p>
                    <button type="button" class="danger" id="clear-yes" on:click=move |_| {
                        rows.set(Vec::new());
                        report.set(None);
                        confirm_clear.set(false);
                        shown.set(PAGE);
                    }>"确定清空"</button>
                    <button type="button" class="secondary" id="clear-no" on:click=move |_| confirm_clear.set(false)>"不清空"</button>
                </div>
            })}
            {move || report.get().map(|r| view! { <ImportResult report=r storage=storage/> })}
            {move || draft.get().is_some().then(|| view! { <RowForm draft=draft on_save=save_draft/> })}
            <h2>"合计"</h2>
            <Totals summary=summary/>
            <h2>"名单（" <span id="roster-count">{move || rows.with(Vec::len)}</span> " 人）"</h2>
            <RosterTable rows=rows summary=summary shown=shown draft=draft/>
            <details class="csv-columns">
                <summary>"CSV 文件的各列"</summary>
                <p>"第一行是表头，各列依次为（可用 Excel 打开编辑，另存为 CSV UTF-8）："</p>
                <p class="columns">{HEADERS.join("，")}</p>
                <p>{format!("贫困登记填：{}；疾病填九种大病的名称或“其他疾病”；医院填：{}；是否转诊填“是”或“否”；是否建档立卡填“是”或“否”（低保、特困、贫困残疾人同时是建档立卡的填“是”，他们在省里的动态管理系统建台账，不列入附件1；不填时建档立卡贫困人口按“是”、其他按“否”）；日期写成 2018-03-01（Excel 改成的 2018/3/1 也可以）；救治状态填“未完成”或“已完成”，已完成的要填完成救治日期。",
                    CATEGORIES.map(|c| c.name()).join("、"),
                    hospitals().iter().map(|(n, _)| *n).collect::<Vec<_>>().join("、"))}</p>
                <p id="csv-id-note">"导出的文件里，全是数字的身份证号和合医证号前面有一个看不见的制表符，这样 Excel 打开时把它们当作文字，不会显示成 4.30611E+17 那样的科学计数法、丢掉后几位；导入时会自动去掉。"</p>
                <p>"导入时原有名单不会丢失：新行加在后面，与已有行完全相同的行不重复加入。有错的行不导入，并逐行列出错在哪一列、为什么。"</p>
            </details>
        }
    };

    let print_view = move || {
        let m = mode.get();
        let all = rows.get();
        let day = Date::parse(&cutoff.get()).or(today.get());
        view! {
            <div class="cadre-print">
                <div class="no-print print-toolbar">
                    <button type="button" id="print-now" on:click=move |_| { let _ = window().print(); }>"打印"</button>
                    <button type="button" class="secondary" id="back-to-roster" on:click=move |_| mode.set(Mode::Roster)>"返回名单"</button>
                    {(m == Mode::Att3).then(|| view! {
                        <div class="field">
                            <label for="cutoff">"统计截止日期"</label>
                            <input id="cutoff" type="date" prop:value=move || cutoff.get() on:input=move |ev| cutoff.set(event_target_value(&ev))/>
                        </div>
                    })}
                    <p>"打印时请在打印设置里选 A4 横向。"</p>
                </div>
                {match m {
                    Mode::Att3 => match day {
                        Some(day) => view! { <Attachment3 rows=all cutoff=day/> }.into_any(),
                        None => view! { <p class="field-error">"请先选择统计截止日期"</p> }.into_any(),
                    },
                    _ => view! { <Attachment1 rows=all/> }.into_any(),
                }}
            </div>
        }
    };

    view! {
        <div class="cadre">
            {move || if mode.get() == Mode::Roster { roster_view().into_any() } else { print_view().into_any() }}
        </div>
    }
}

/// Offers text as a file to save (UTF-8, as the string is), of the given MIME type.
fn download(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // The browser reads the blob after the click returns.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(60),
    );
}

/// Where the roster's storage stands, as the page tells the cadre.
#[derive(Clone, Debug, PartialEq, Eq)]
enum StorageState {
    /// Read, and saved after every change.
    Saved,
    /// What is stored could not be read: it is kept as it is and not written over.
    Unreadable { raw: String, reason: String },
    /// This browser gives the page no storage: the roster lasts for this visit only.
    Unavailable(String),
    /// The last save failed (storage full); the next save that succeeds clears this.
    SaveFailed(String),
}

impl StorageState {
    /// Whether a change to the roster is written to storage.
    fn saves(&self) -> bool {
        matches!(self, StorageState::Saved | StorageState::SaveFailed(_))
    }
}

/// What the page says when the roster cannot be read or saved here, with what the cadre can do:
/// export what could not be read, as it is, or set it aside and start again.
#[component]
fn StorageNotice(storage: RwSignal<Option<StorageState>>, rows: RwSignal<Vec<Row>>) -> impl IntoView {
    let export_unreadable = move |_| {
        if let Some(StorageState::Unreadable { raw, .. }) = storage.get_untracked() {
            download("健康扶贫台账-读不出的数据.json", "application/json;charset=utf-8", &raw);
        }
    };
    let set_aside = move |_| {
        let Some(StorageState::Unreadable { raw, .. }) = storage.get_untracked() else { return };
        let state = match roster::set_aside(&raw, js_sys::Date::now()) {
            Ok(_) => match rows.with_untracked(|r| roster::save(r)) {
                Ok(()) => StorageState::Saved,
                Err(e) => StorageState::SaveFailed(e),
            },
            Err(e) => StorageState::SaveFailed(e),
        };
        storage.set(Some(state));
    };
    move || {
        let notice = match storage.get()? {
            StorageState::Saved => return None,
            StorageState::Unreadable { reason, .. } => view! {
                <p><strong>{format!("本机保存的名单读不出来：{reason}。")}</strong>
                    "它原样留在这台手机（电脑）上，本页不会覆盖它。"</p>
                <p>"可以把它原样导出，交给懂电脑的人查看；也可以把它移到一边（仍然留在本机），重新开始记名单。"
                    "在那之前，这次添加或导入的病人不会保存，请用“导出全部”保存。"</p>
                <button type="button" class="secondary" id="export-unreadable" on:click=export_unreadable>"原样导出读不出的数据"</button>
                <button type="button" class="secondary" id="set-aside" on:click=set_aside>"移到一边，重新开始"</button>
            }
            .into_any(),
            StorageState::Unavailable(reason) => view! {
                <p><strong>{format!("{reason}。")}</strong>
                    "这次可以照常添加、导入和打印，但关闭页面后名单就没有了：请用“导出全部”保存，下次再导入。"</p>
            }
            .into_any(),
            StorageState::SaveFailed(reason) => view! {
                <p><strong>{format!("{reason}。")}</strong>
                    "刚才的改动还在页面上，但没有保存到本机：请先用“导出全部”备份。"</p>
            }
            .into_any(),
        };
        Some(view! { <div class="notice warning" id="storage-notice" role="alert">{notice}</div> })
    }
}

/// What the last import did: rows added, repeats left out, and each bad row with its column and
/// reason.
///
/// `storage` says whether the rows were saved on this device.
#[component]
fn ImportResult(report: ImportReport, storage: RwSignal<Option<StorageState>>) -> impl IntoView {
    let ImportReport { file, added, skipped, errors, warnings } = report;
    let saved = move || match storage.get() {
        Some(StorageState::Saved) => "已保存在这台手机（电脑）上。",
        _ => "但没有保存到这台手机（电脑）上，关闭页面就会丢失：请先用“导出全部”保存。",
    };
    view! {
        <div class="import-report" id="import-report" role="status">
            <p>
                {format!("从“{file}”导入了 ")}<strong id="import-added">{added}</strong>" 行"
                {(skipped > 0).then(|| format!("，{skipped} 行与名单中已有的完全相同，没有重复加入"))}
                {(!errors.is_empty()).then(|| format!("；{} 处错误，有错的行没有导入：", errors.len()))}
            </p>
            {(added > 0).then(|| view! { <p id="import-saved">{saved}</p> })}
            {(!errors.is_empty()).then(|| view! {
                <ul class="import-errors">
                    {errors.into_iter().map(|e| view! {
                        <li class="import-error" data-row=e.row data-column=e.column.clone()>{e.to_string()}</li>
                    }).collect_view()}
                </ul>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <p>"以下几行已导入，但请核对："</p>
                <ul class="import-warnings">
                    {warnings.into_iter().map(|e| view! {
                        <li class="import-warning" data-row=e.row data-column=e.column.clone()>{e.to_string()}</li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
}

/// Totals per disease and for the whole roster.
#[component]
fn Totals(summary: Memo<roster::Summary>) -> impl IntoView {
    view! {
        // Focusable, so a wide table can be scrolled with the keyboard too.
        <div class="table-scroll" tabindex="0" role="region" aria-label="合计表">
            <table class="cadre-totals" id="totals">
                <thead>
                    <tr>
                        <th scope="col">"疾病"</th>
                        <th scope="col">"人数"</th>
                        <th scope="col">"已估算"</th>
                        <th scope="col">"住院总费用"</th>
                        <th scope="col">"各方共支付"</th>
                        <th scope="col">"家里共付"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || summary.with(|s| s.by_disease.iter().map(|(d, t)| view! {
                        <tr data-disease=d.name()>
                            <th scope="row">{d.name()}</th>
                            <td>{t.rows}</td>
                            <td>{t.estimated}</td>
                            <td>{yuan(t.total_cost)}</td>
                            <td>{yuan(t.payers)}</td>
                            <td>{yuan(t.family)}</td>
                        </tr>
                    }).collect_view())}
                </tbody>
                <tfoot>
                    {move || summary.with(|s| {
                        let t = s.all;
                        view! {
                            <tr id="totals-all">
                                <th scope="row">"全部"</th>
                                <td class="rows">{t.rows}</td>
                                <td class="estimated">{t.estimated}</td>
                                <td>{yuan(t.total_cost)}</td>
                                <td class="payers">{yuan(t.payers)}</td>
                                <td class="family">{yuan(t.family)}</td>
                            </tr>
                        }
                    })}
                </tfoot>
            </table>
        </div>
        <p class="hint">"只合计能估算的病人（已估算）；缺少费用或日期的病人在名单里写明原因。"</p>
    }
}

/// The first `shown` rows, with their estimate, and a button for more.
#[component]
fn RosterTable(
    rows: RwSignal<Vec<Row>>,
    summary: Memo<roster::Summary>,
    shown: RwSignal<usize>,
    draft: RwSignal<Option<Draft>>,
) -> impl IntoView {
    let body = move || {
        let n = shown.get();
        rows.with(|all| {
            summary.with(|s| {
                all.iter()
                    .zip(&s.rows)
                    .take(n)
                    .enumerate()
                    .map(|(i, (row, result))| {
                        let money = match &result.money {
                            Ok((_, _, family)) => view! { <td class="family">{yuan(*family)}</td> }.into_any(),
                            Err(why) => view! { <td class="no-estimate">{format!("无法估算：{why}")}</td> }.into_any(),
                        };
                        // Checked here, for the rows shown only.
                        let id_flag = (!row.id_number.is_empty()).then(|| check_id(&row.id_number).err()).flatten().map(|p| p.to_string());
                        let flagged = id_flag.is_some();
                        let edit_row = row.clone();
                        view! {
                            <tr class="roster-row" class:flagged=flagged>
                                <td>{row.serial.clone()}</td>
                                <th scope="row">{row.name.clone()}
                                    {id_flag.map(|p| view! { <span class="id-flag" title=p.clone()>"身份证号有误"</span> })}
                                </th>
                                <td>{row.disease.clone()}</td>
                                <td>{row.category.clone()}</td>
                                <td>{row.discharge_date.clone()}</td>
                                <td>{row.total_cost.clone()}</td>
                                {money}
                                <td>{row.status.clone()}</td>
                                <td class="row-actions">
                                    <button type="button" class="secondary small" on:click=move |_| {
                                        draft.set(Some(Draft { index: Some(i), row: edit_row.clone(), errors: Vec::new() }))
                                    }>"修改"</button>
                                    <button type="button" class="secondary small danger" on:click=move |_| {
                                        rows.update(|r| if i < r.len() { r.remove(i); })
                                    }>"删除"</button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let more = move || rows.with(Vec::len).saturating_sub(shown.get());
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="名单">
            <table class="cadre-roster" id="roster">
                <thead>
                    <tr>
                        <th scope="col">"序号"</th>
                        <th scope="col">"姓名"</th>
                        <th scope="col">"疾病"</th>
                        <th scope="col">"贫困登记"</th>
                        <th scope="col">"出院日期"</th>
                        <th scope="col">"住院总费用"</th>
                        <th scope="col">"家里付（估算）"</th>
                        <th scope="col">"救治状态"</th>
                        <th scope="col">"操作"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {move || (rows.with(Vec::is_empty)).then(|| view! { <p class="empty-roster">"名单还是空的：点“添加病人”，或导入 CSV 文件。"</p> })}
        {move || (more() > 0).then(|| view! {
            <button type="button" class="secondary" id="show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {format!("显示更多（还有 {} 人）", more())}
            </button>
        })}
    }
}

/// The form for one patient: every column of 附件1 and what the estimate needs.
#[component]
fn RowForm(draft: RwSignal<Option<Draft>>, on_save: impl Fn(leptos::ev::MouseEvent) + 'static) -> impl IntoView {
    let text = |column: Column, hint: &'static str| view! { <DraftField draft=draft column=column hint=hint/> };
    let choice =
        |column: Column, options: Vec<String>| view! { <DraftChoice draft=draft column=column options=options/> };
    let id_problem = move || {
        draft.with(|d| {
            d.as_ref()
                .and_then(|d| (!d.row.id_number.trim().is_empty()).then(|| check_id(&d.row.id_number).err()).flatten())
        })
    };
    view! {
        <form class="row-form" id="row-form" on:submit=|ev| ev.prevent_default()>
            <h2>{move || if draft.with(|d| d.as_ref().is_some_and(|d| d.index.is_some())) { "修改病人信息" } else { "添加病人" }}</h2>
            {text(Column::Name, "")}
            {choice(Column::Sex, vec!["男".into(), "女".into()])}
            {text(Column::Age, "周岁")}
            {text(Column::NativePlace, "")}
            {text(Column::Address, "附件3要附的救治名单要写家庭地址")}
            <div class="field" class:has-error=move || id_problem().is_some()>
                <label for="cadre-f5">"身份证号"</label>
                <p class="field-error" id="id-error" role="alert" hidden=move || id_problem().is_none()>
                    {move || id_problem().map(|p| p.to_string()).unwrap_or_default()}
                </p>
                <input id="cadre-f5" type="text" autocomplete="off" maxlength="18"
                    aria-invalid=move || id_problem().is_some().to_string()
                    prop:value=move || draft.with(|d| d.as_ref().map(|d| d.row.id_number.clone()).unwrap_or_default())
                    on:input=move |ev| set_field(draft, Column::IdNumber, event_target_value(&ev))/>
            </div>
            {text(Column::MedicalCard, "")}
            {choice(Column::Category, CATEGORIES.iter().map(|c| c.name().to_owned()).collect())}
            // 建档立卡 apart from 贫困登记: it decides 附件1 and 附件3, not the rates.
            <DraftChoice draft=draft column=Column::Registered options=vec!["是".into(), "否".into()]
                empty="不填：按贫困登记（建档立卡贫困人口为“是”）"/>
            {choice(Column::Disease, DiseaseId::ALL.iter().map(|d| d.name().to_owned()).collect())}
            {choice(Column::Hospital, hospitals().iter().map(|(n, _)| (*n).to_owned()).collect())}
            {choice(Column::Referred, vec!["否".into(), "是".into()])}
            {text(Column::DischargeDate, "例如 2018-03-01：按这一天的政策估算")}
            {text(Column::TotalCost, "元")}
            {text(Column::InPolicyCost, "元")}
            {text(Column::LedgerDate, "例如 2017-10-01")}
            {choice(Column::Status, vec![STATUS_OPEN.into(), STATUS_DONE.into()])}
            {text(Column::CompletedDate, "已完成的要填，例如 2018-03-20")}
            {text(Column::Remarks, "销账原因等")}
            {text(Column::Serial, "")}
            <div class="form-buttons">
                <button type="button" id="save-row" on:click=on_save>"保存"</button>
                <button type="button" class="secondary" on:click=move |_| draft.set(None)>"取消"</button>
            </div>
        </form>
    }
}

fn set_field(draft: RwSignal<Option<Draft>>, column: Column, value: String) {
    draft.update(|d| {
        if let Some(d) = d.as_mut() {
            *d.row.field_mut(column) = value;
        }
    });
}

fn draft_value(draft: RwSignal<Option<Draft>>, column: Column) -> String {
    draft.with(|d| d.as_ref().map(|d| d.row.field(column).to_owned()).unwrap_or_default())
}

fn draft_error(draft: RwSignal<Option<Draft>>, column: Column) -> Option<String> {
    draft.with(|d| d.as_ref().and_then(|d| d.errors.iter().find(|(c, _)| *c == column).map(|(_, e)| e.clone())))
}

/// A text field of the draft row, labelled by its CSV header.
#[component]
fn DraftField(draft: RwSignal<Option<Draft>>, column: Column, hint: &'static str) -> impl IntoView {
    let id = format!("cadre-f{}", column.index());
    let error = move || draft_error(draft, column);
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{column.header()}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            <p class="field-error" role="alert" hidden=move || error().is_none()>{move || error().unwrap_or_default()}</p>
            <input id=id type="text" autocomplete="off"
                prop:value=move || draft_value(draft, column)
                on:input=move |ev| set_field(draft, column, event_target_value(&ev))/>
        </div>
    }
}

/// A drop-down of the draft row; the values are the file's own words.
#[component]
fn DraftChoice(
    draft: RwSignal<Option<Draft>>,
    column: Column,
    options: Vec<String>,
    /// What the empty choice says.
    #[prop(default = "请选择")]
    empty: &'static str,
) -> impl IntoView {
    let id = format!("cadre-f{}", column.index());
    let error = move || draft_error(draft, column);
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{column.header()}</label>
            <p class="field-error" role="alert" hidden=move || error().is_none()>{move || error().unwrap_or_default()}</p>
            <select id=id prop:value=move || draft_value(draft, column) on:change=move |ev| set_field(draft, column, event_target_value(&ev))>
                <option value="">{empty}</option>
                {options.into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
            </select>
        </div>
    }
}
