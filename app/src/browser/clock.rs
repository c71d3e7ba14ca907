//! The day on the device's clock: the one place the site reads it. Browser-only; call it from
//! effects and event handlers.

use policy::Date;

/// Today, by the device's clock, or `None` when the clock gives a day the calendar does not
/// have (a device set to a year outside 0–65535).
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).ok()?;
    Date::new(year, now.get_month() as u8 + 1, now.get_date() as u8)
}

/// [`today`] as YYYY-MM-DD, or "" when the clock cannot be read.
pub fn today_iso() -> String {
    today().map(|d| d.to_string()).unwrap_or_default()
}
