//! The clauses the engine cites beside its lines, named as the documents name the measures.

use policy::{Citation, Document};

/// Hunan 三(二) “三提高”: basic insurance +10%, 大病保险 deductible halved and 90%, assistance 70%/50%.
pub const SAN_TIGAO: Citation = Citation::new(Document::Hunan, "三(二)", "三提高");
/// Hunan 三(二) “两补贴”: premium subsidies; also the 扶贫特惠保 itself.
pub const LIANG_BUTIE: Citation = Citation::new(Document::Hunan, "三(二)", "两补贴");
/// Hunan 三(二) “一减免”: the designated hospital's 50% reduction.
pub const YI_JIANMIAN: Citation = Citation::new(Document::Hunan, "三(二)", "一减免");
/// Hunan 三(二) “一兜底”: what is left may be reduced or waived.
pub const YI_DOUDI: Citation = Citation::new(Document::Hunan, "三(二)", "一兜底");
/// Junshan 四(一)1: a 建档立卡 patient's ledger is the province's 动态管理系统.
pub const LEDGER_REGISTERED: Citation = Citation::new(Document::Junshan, "四(一)1", "建立救治台账");
/// Junshan 四(一)2: a non-建档立卡 patient's ledger is 附件1.
pub const LEDGER_ANNEX1: Citation = Citation::new(Document::Junshan, "四(一)2", "建立救治台账");
/// Junshan 三 支付政策: the district fund, and Junshan's 一兜底 review.
pub const JUNSHAN_PAYMENT: Citation = Citation::new(Document::Junshan, "三", "支付政策");
