//! Tabulated partial widths per decay channel (`channel,mass_GeV,value`
//! rows, `#` comments, an optional `channel,…` header line), as shipped for
//! the ALP's hadronic decays (`data/alp_gluon_widths_asw.csv`,
//! `data/alp_fermion_widths_dkoz.csv`; provenance in each file's header).
//! One parser and one interpolation for every such table.

use std::collections::HashMap;

/// Channel name → rows (mass in GeV, tabulated value), sorted in mass.
pub type ChannelTables = HashMap<String, Vec<(f64, f64)>>;

/// Parses a channel table. Rows whose mass or value do not parse are
/// skipped (the shipped files have none; their tests check the channels).
#[must_use]
pub fn parse(csv: &str) -> ChannelTables {
    let mut map: ChannelTables = HashMap::new();
    for line in csv.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') || line.starts_with("channel,") {
            continue;
        }
        let mut it = line.rsplitn(3, ',');
        let (Some(w), Some(m), Some(name)) = (it.next(), it.next(), it.next()) else {
            continue;
        };
        if let (Ok(m), Ok(w)) = (m.parse::<f64>(), w.parse::<f64>()) {
            map.entry(name.to_string()).or_default().push((m, w));
        }
    }
    for v in map.values_mut() {
        v.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    map
}

/// The value of channel `name` at `mass`: linear interpolation between
/// neighbouring rows, `None` for an unknown channel or outside the table.
#[must_use]
pub fn interpolate(tables: &ChannelTables, name: &str, mass: f64) -> Option<f64> {
    let t = tables.get(name)?;
    if t.is_empty() || !(mass >= t[0].0 && mass <= t[t.len() - 1].0) {
        return None;
    }
    let i = t.partition_point(|p| p.0 <= mass).clamp(1, t.len() - 1);
    let (x0, y0) = t[i - 1];
    let (x1, y1) = t[i];
    Some(if x1 > x0 {
        y0 + (y1 - y0) * (mass - x0) / (x1 - x0)
    } else {
        y0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_sort_and_interpolate() {
        let t = parse("# c\nchannel,m,w\na,0.3,3.0\na,0.1,1.0\nb,0.2,bad\n");
        assert_eq!(t["a"], vec![(0.1, 1.0), (0.3, 3.0)]);
        assert!(t.get("b").is_none_or(Vec::is_empty));
        assert_eq!(interpolate(&t, "a", 0.2), Some(2.0));
        assert_eq!(interpolate(&t, "a", 0.3), Some(3.0));
        assert_eq!(interpolate(&t, "a", 0.4), None);
        assert_eq!(interpolate(&t, "x", 0.2), None);
    }
}
