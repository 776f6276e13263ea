//! HepMC3 ASCII event records (the `Asciiv3` format of HepMC 3: A. Buckley
//! et al., Comput. Phys. Commun. 260 (2021) 107310), written and read by
//! darkscan itself.
//!
//! Written subset, in GeV and mm (`U GEV MM`):
//!
//! ```text
//! HepMC::Version 3.02.05
//! HepMC::Asciiv3-START_EVENT_LISTING
//! E <event> <n_vertices> <n_particles>
//! U GEV MM
//! P <id> <parent> <pdg> <px> <py> <pz> <e> <m> <status>
//! V <id> <status> [<incoming ids>] @ <x> <y> <z> <ct>
//! HepMC::Asciiv3-END_EVENT_LISTING
//! ```
//!
//! A particle's parent is 0 (no production vertex), the id of a vertex
//! (negative) or of a mother particle (positive). Numbers are printed with
//! the shortest representation that reads back to the same f64, so a
//! round trip is exact. The reader accepts `MEV`/`CM` units (converted),
//! ignores attribute, weight and run-info lines (`A`, `W`, `T`, `N`, `C`,
//! `F`, `H`), and names the line of any malformed record.

use super::AnalysisError;
use super::generate::{KaonChannel, KaonDecay};
use crate::kinematics::FourVector;
use crate::units::C_M_PER_S;
use std::fmt::Write as _;

/// One particle of an event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Particle {
    /// 1-based id within the event.
    pub id: i32,
    /// Production: 0, a vertex id (< 0) or a mother particle id (> 0).
    pub parent: i32,
    /// PDG Monte Carlo code.
    pub pdg: i32,
    /// Four-momentum (GeV).
    pub momentum: FourVector,
    /// Generated mass (GeV).
    pub mass: f64,
    /// HepMC status: 1 final state, 2 decayed, 4 beam.
    pub status: i32,
}

/// One vertex of an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Vertex {
    /// Id (negative).
    pub id: i32,
    /// Status.
    pub status: i32,
    /// Incoming particle ids.
    pub incoming: Vec<i32>,
    /// (x, y, z, ct) in mm.
    pub position_mm: [f64; 4],
}

/// One event.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// Event number.
    pub number: i64,
    /// Particles, in id order.
    pub particles: Vec<Particle>,
    /// Vertices.
    pub vertices: Vec<Vertex>,
}

/// Writes events as HepMC3 ASCII text.
#[must_use]
pub fn write(events: &[Event]) -> String {
    let mut s = String::from("HepMC::Version 3.02.05\nHepMC::Asciiv3-START_EVENT_LISTING\n");
    for e in events {
        let _ = writeln!(
            s,
            "E {} {} {}\nU GEV MM",
            e.number,
            e.vertices.len(),
            e.particles.len()
        );
        // Vertices are written just before the first particle they produce.
        let mut written = vec![false; e.vertices.len()];
        for p in &e.particles {
            let k = e.vertices.iter().position(|v| v.id == p.parent);
            if let Some(k) = k.filter(|&k| !written[k]) {
                written[k] = true;
                write_vertex(&mut s, &e.vertices[k]);
            }
            let m = p.momentum;
            let _ = writeln!(
                s,
                "P {} {} {} {:e} {:e} {:e} {:e} {:e} {}",
                p.id, p.parent, p.pdg, m.p.x, m.p.y, m.p.z, m.e, p.mass, p.status
            );
        }
        for (k, v) in e.vertices.iter().enumerate() {
            if !written[k] {
                write_vertex(&mut s, v);
            }
        }
    }
    s.push_str("HepMC::Asciiv3-END_EVENT_LISTING\n");
    s
}

fn write_vertex(s: &mut String, v: &Vertex) {
    let ins: Vec<String> = v.incoming.iter().map(i32::to_string).collect();
    let [x, y, z, t] = v.position_mm;
    let _ = writeln!(
        s,
        "V {} {} [{}] @ {x:e} {y:e} {z:e} {t:e}",
        v.id,
        v.status,
        ins.join(",")
    );
}

fn bad(line: u64, what: &str, text: &str) -> AnalysisError {
    AnalysisError::BadValue {
        file: "<hepmc3>".into(),
        row: line,
        column: what.into(),
        value: text.chars().take(80).collect(),
        why: "malformed HepMC3 record",
    }
}

/// Reads HepMC3 ASCII text.
///
/// # Errors
/// [`AnalysisError::EmptyFile`] without the header lines,
/// [`AnalysisError::BadValue`] naming the line of a malformed record.
pub fn read(text: &str) -> Result<Vec<Event>, AnalysisError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l.trim()));
    let mut started = false;
    for (n, l) in lines.by_ref() {
        if l.is_empty() || l.starts_with("HepMC::Version") {
            continue;
        }
        if l == "HepMC::Asciiv3-START_EVENT_LISTING" {
            started = true;
            break;
        }
        return Err(bad(n, "header", l));
    }
    if !started {
        return Err(AnalysisError::EmptyFile(
            "<hepmc3>: no HepMC::Asciiv3-START_EVENT_LISTING line".into(),
        ));
    }
    let mut events = Vec::new();
    let mut cur: Option<Event> = None;
    let (mut e_scale, mut l_scale) = (1.0, 1.0);
    for (n, l) in lines {
        if l.is_empty() {
            continue;
        }
        if l == "HepMC::Asciiv3-END_EVENT_LISTING" {
            break;
        }
        let mut f = l.split_whitespace();
        let tag = f.next().unwrap_or("");
        let rest: Vec<&str> = f.collect();
        let num = |i: usize, what: &str| -> Result<f64, AnalysisError> {
            rest.get(i)
                .and_then(|t| t.parse::<f64>().ok())
                .filter(|v| v.is_finite())
                .ok_or_else(|| bad(n, what, l))
        };
        let int = |i: usize, what: &str| -> Result<i64, AnalysisError> {
            rest.get(i)
                .and_then(|t| t.parse::<i64>().ok())
                .ok_or_else(|| bad(n, what, l))
        };
        match tag {
            "E" => {
                if let Some(e) = cur.take() {
                    events.push(e);
                }
                cur = Some(Event {
                    number: int(0, "E event number")?,
                    ..Event::default()
                });
                (e_scale, l_scale) = (1.0, 1.0);
            }
            "U" => {
                e_scale = match rest.first() {
                    Some(&"GEV") => 1.0,
                    Some(&"MEV") => 1e-3,
                    _ => return Err(bad(n, "U energy unit", l)),
                };
                l_scale = match rest.get(1) {
                    Some(&"MM") => 1.0,
                    Some(&"CM") => 10.0,
                    _ => return Err(bad(n, "U length unit", l)),
                };
            }
            "P" => {
                let e = cur.as_mut().ok_or_else(|| bad(n, "P before E", l))?;
                let id = i32::try_from(int(0, "P id")?).map_err(|_| bad(n, "P id", l))?;
                let parent =
                    i32::try_from(int(1, "P parent")?).map_err(|_| bad(n, "P parent", l))?;
                let pdg = i32::try_from(int(2, "P pdg")?).map_err(|_| bad(n, "P pdg", l))?;
                let momentum = FourVector::new(
                    num(6, "P e")? * e_scale,
                    num(3, "P px")? * e_scale,
                    num(4, "P py")? * e_scale,
                    num(5, "P pz")? * e_scale,
                );
                let mass = num(7, "P m")? * e_scale;
                let status =
                    i32::try_from(int(8, "P status")?).map_err(|_| bad(n, "P status", l))?;
                e.particles.push(Particle {
                    id,
                    parent,
                    pdg,
                    momentum,
                    mass,
                    status,
                });
            }
            "V" => {
                let e = cur.as_mut().ok_or_else(|| bad(n, "V before E", l))?;
                let id = i32::try_from(int(0, "V id")?).map_err(|_| bad(n, "V id", l))?;
                let status =
                    i32::try_from(int(1, "V status")?).map_err(|_| bad(n, "V status", l))?;
                let list = rest.get(2).ok_or_else(|| bad(n, "V incoming", l))?;
                let inner = list
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .ok_or_else(|| bad(n, "V incoming", l))?;
                let incoming = inner
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(|t| t.parse::<i32>().map_err(|_| bad(n, "V incoming", l)))
                    .collect::<Result<Vec<_>, _>>()?;
                let position_mm = if rest.get(3) == Some(&"@") {
                    [
                        num(4, "V x")? * l_scale,
                        num(5, "V y")? * l_scale,
                        num(6, "V z")? * l_scale,
                        num(7, "V t")? * l_scale,
                    ]
                } else {
                    [0.0; 4]
                };
                e.vertices.push(Vertex {
                    id,
                    status,
                    incoming,
                    position_mm,
                });
            }
            "A" | "W" | "T" | "N" | "C" | "F" | "H" => {}
            _ => return Err(bad(n, "record type", l)),
        }
    }
    if let Some(e) = cur {
        events.push(e);
    }
    Ok(events)
}

/// The HepMC3 record of a generated kaon decay: the K⁺ (status 2), its
/// decay vertex at the generated point (mm, ct in mm), and the true charged
/// lepton and invisible particle (status 1).
#[must_use]
pub fn kaon_decay_event(number: i64, d: &KaonDecay, channel: KaonChannel) -> Event {
    let mm = |v: f64| v * 1e3;
    let ct_mm = d.track.time_ns * 1e-9 * C_M_PER_S * 1e3;
    let p = |id, pdg, m: FourVector, status| Particle {
        id,
        parent: if id == 1 { 0 } else { -1 },
        pdg,
        momentum: m,
        mass: m.mass(),
        status,
    };
    Event {
        number,
        particles: vec![
            p(1, 321, d.kaon, 2),
            p(2, channel.lepton_pdg(), d.lepton, 1),
            p(3, channel.invisible_pdg(), d.invisible, 1),
        ],
        vertices: vec![Vertex {
            id: -1,
            status: 0,
            incoming: vec![1],
            position_mm: [mm(d.vertex_m.x), mm(d.vertex_m.y), mm(d.vertex_m.z), ct_mm],
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::generate::{KaonModel, kaon_decays};

    #[test]
    fn round_trip_is_exact() {
        let ch = KaonChannel::parse("K+ -> mu+ N").unwrap();
        let decays = kaon_decays(&KaonModel::default(), ch, 0.25, 50, 4).unwrap();
        let events: Vec<Event> = decays
            .iter()
            .enumerate()
            .map(|(i, d)| kaon_decay_event(i as i64, d, ch))
            .collect();
        let text = write(&events);
        let back = read(&text).unwrap();
        assert_eq!(back, events);
        // The record is physical: the N has the generated mass.
        assert!((back[3].particles[2].mass - 0.25).abs() < 1e-9);
        assert!(text.lines().nth(5).unwrap().starts_with("V -1 0 [1] @ "));
    }

    #[test]
    fn reads_other_units_and_rejects_garbage() {
        let text = "HepMC::Version 3.02.05\nHepMC::Asciiv3-START_EVENT_LISTING\nE 0 1 1\nU MEV CM\nA 0 weight 1\nP 1 0 13 0 0 1000 1005 105.6 1\nV -1 0 [1] @ 1 2 3 4\nHepMC::Asciiv3-END_EVENT_LISTING\n";
        let e = read(text).unwrap();
        assert!((e[0].particles[0].momentum.p.z - 1.0).abs() < 1e-12);
        assert_eq!(e[0].vertices[0].position_mm, [10.0, 20.0, 30.0, 40.0]);
        let bad_text = text.replace("P 1 0 13 0 0 1000", "P 1 0 13 0 x 1000");
        let err = read(&bad_text).unwrap_err().to_string();
        assert!(err.contains("row 6"), "{err}");
        assert!(read("").is_err());
    }
}
