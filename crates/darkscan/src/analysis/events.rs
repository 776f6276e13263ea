//! The event-file schema and its CSV reader and writer.
//!
//! One row per track, with a header line naming the columns (any order):
//!
//! | column | meaning |
//! |---|---|
//! | `event` | integer event number; the rows of one event are consecutive |
//! | `charge` | +1 or −1 |
//! | `x_m`, `y_m`, `z_m` | a point on the track (experiment frame, z along the beam from the production target, metres) |
//! | `px_gev`, `py_gev`, `pz_gev` | the track momentum (GeV) |
//! | `time_ns` | the track time (ns) |
//! | `pid` | `e`, `mu`, `pi` or `other` |
//! | `kaon_px_gev`, `kaon_py_gev`, `kaon_pz_gev` | optional (all three or none): the beam kaon of a kaon-decay event |
//!
//! Unknown columns are ignored. Every value must parse and be finite; the
//! errors name the file, the 1-based line ("row") and the column. Events are
//! read one at a time ([`EventReader`]) with a cap on the tracks per event, so
//! a file with 10⁷ tracks in one event costs a few rows of work, not memory.
//!
//! A file whose name ends in `.parquet` is read as Apache Parquet with the
//! same columns ([`super::events_parquet`]); [`open`] and [`read_events`]
//! choose the format from the name.

use super::AnalysisError;
use super::events_parquet::{ParquetTracks, is_parquet_path};
use crate::kinematics::{FourVector, Line, Vec3};
use crate::units;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

/// Particle identification of a track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pid {
    /// Electron or positron.
    Electron,
    /// Muon.
    Muon,
    /// Charged pion.
    Pion,
    /// Anything else (the charged-pion mass is assumed for kinematics).
    Other,
}

impl Pid {
    /// The schema's spelling: `e`, `mu`, `pi`, `other`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Electron => "e",
            Self::Muon => "mu",
            Self::Pion => "pi",
            Self::Other => "other",
        }
    }
    /// Parses the schema's spelling.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "e" => Some(Self::Electron),
            "mu" => Some(Self::Muon),
            "pi" => Some(Self::Pion),
            "other" => Some(Self::Other),
            _ => None,
        }
    }
    /// The mass hypothesis (PDG 2024, [`crate::units`]); `other` takes the
    /// charged-pion mass.
    #[must_use]
    pub fn mass(self) -> f64 {
        match self {
            Self::Electron => units::ELECTRON.mass,
            Self::Muon => units::MUON.mass,
            Self::Pion | Self::Other => units::PION_CHARGED.mass,
        }
    }
}

/// One track (one row of an event file).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Track {
    /// Event number.
    pub event: i64,
    /// +1 or −1.
    pub charge: i8,
    /// A point on the track (m).
    pub point_m: Vec3,
    /// Momentum (GeV).
    pub momentum: Vec3,
    /// Time (ns).
    pub time_ns: f64,
    /// Particle identification.
    pub pid: Pid,
    /// The beam kaon's momentum, for kaon-decay events.
    pub kaon_momentum: Option<Vec3>,
    /// 1-based line of the CSV file (or 1-based row of the Parquet file) the
    /// track was read from (0 if not from a file).
    pub row: u64,
}

impl Track {
    /// The straight line of the track.
    #[must_use]
    pub fn line(&self) -> Line {
        Line::new(self.point_m, self.momentum)
    }
    /// The four-momentum under the track's mass hypothesis.
    #[must_use]
    pub fn four_momentum(&self) -> FourVector {
        FourVector::from_mass_momentum(self.pid.mass(), self.momentum)
    }
}

/// The tracks of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Event number.
    pub id: i64,
    /// The tracks, in file order.
    pub tracks: Vec<Track>,
}

pub(crate) const REQUIRED: [&str; 10] = [
    "event", "charge", "x_m", "y_m", "z_m", "px_gev", "py_gev", "pz_gev", "time_ns", "pid",
];
pub(crate) const KAON: [&str; 3] = ["kaon_px_gev", "kaon_py_gev", "kaon_pz_gev"];

/// Streams events from CSV text (or, from [`open`], a Parquet file), one
/// event at a time.
pub struct EventReader<R: BufRead> {
    input: R,
    /// Set for a Parquet file: tracks come from here and `input` is unused.
    parquet: Option<Box<ParquetTracks>>,
    name: String,
    cols: [usize; 10],
    kaon_cols: Option<[usize; 3]>,
    n_fields: usize,
    row: u64,
    max_tracks: usize,
    pending: Option<Track>,
    seen: HashSet<i64>,
    line: String,
    done: bool,
}

impl<R: BufRead> EventReader<R> {
    /// Reads the header of `input` (called `name` in errors). Events with
    /// more than `max_tracks` tracks are an error raised as soon as the
    /// excess track is read.
    ///
    /// # Errors
    /// [`AnalysisError::EmptyFile`] without a header,
    /// [`AnalysisError::MissingColumn`] if a required column is absent.
    pub fn new(mut input: R, name: &str, max_tracks: usize) -> Result<Self, AnalysisError> {
        let mut header = String::new();
        let read = input
            .read_line(&mut header)
            .map_err(|cause| AnalysisError::Read {
                path: name.into(),
                cause,
            })?;
        if read == 0 || header.trim().is_empty() {
            return Err(AnalysisError::EmptyFile(name.to_string()));
        }
        let names: Vec<&str> = header
            .trim()
            .trim_start_matches('\u{feff}')
            .split(',')
            .map(str::trim)
            .collect();
        let find = |c: &str| names.iter().position(|n| *n == c);
        let mut cols = [0; 10];
        for (slot, c) in cols.iter_mut().zip(REQUIRED) {
            *slot = find(c).ok_or_else(|| AnalysisError::MissingColumn {
                file: name.to_string(),
                column: c.to_string(),
                header: header.trim().to_string(),
            })?;
        }
        let kaon: Vec<Option<usize>> = KAON.iter().map(|c| find(c)).collect();
        let kaon_cols = if kaon.iter().all(Option::is_some) {
            Some([
                kaon[0].unwrap_or(0),
                kaon[1].unwrap_or(0),
                kaon[2].unwrap_or(0),
            ])
        } else if kaon.iter().any(Option::is_some) {
            let i = kaon.iter().position(Option::is_none).unwrap_or(0);
            return Err(AnalysisError::MissingColumn {
                file: name.to_string(),
                column: KAON[i].to_string(),
                header: header.trim().to_string(),
            });
        } else {
            None
        };
        Ok(Self {
            input,
            parquet: None,
            name: name.to_string(),
            cols,
            kaon_cols,
            n_fields: names.len(),
            row: 1,
            max_tracks: max_tracks.max(1),
            pending: None,
            seen: HashSet::new(),
            line: String::new(),
            done: false,
        })
    }

    /// Whether the file carries the beam-kaon columns.
    #[must_use]
    pub fn has_kaon(&self) -> bool {
        match &self.parquet {
            Some(p) => p.has_kaon(),
            None => self.kaon_cols.is_some(),
        }
    }

    /// The name used in errors.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    fn bad(&self, column: &str, value: &str, why: &'static str) -> AnalysisError {
        AnalysisError::BadValue {
            file: self.name.clone(),
            row: self.row,
            column: column.to_string(),
            value: value.to_string(),
            why,
        }
    }

    fn next_track(&mut self) -> Result<Option<Track>, AnalysisError> {
        if let Some(p) = self.parquet.as_mut() {
            return p.next_track();
        }
        loop {
            self.line.clear();
            let n = self
                .input
                .read_line(&mut self.line)
                .map_err(|cause| AnalysisError::Read {
                    path: self.name.clone().into(),
                    cause,
                })?;
            if n == 0 {
                return Ok(None);
            }
            self.row += 1;
            if !self.line.trim().is_empty() {
                break;
            }
        }
        let line = std::mem::take(&mut self.line);
        let fields: Vec<&str> = line.trim().split(',').map(str::trim).collect();
        if fields.len() != self.n_fields {
            return Err(AnalysisError::FieldCount {
                file: self.name.clone(),
                row: self.row,
                got: fields.len(),
                expected: self.n_fields,
            });
        }
        let num = |i: usize, name: &str| -> Result<f64, AnalysisError> {
            let t = fields[i];
            match t.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(v),
                Ok(_) => Err(self.bad(name, t, "not a finite number")),
                Err(_) => Err(self.bad(name, t, "not a number")),
            }
        };
        let c = self.cols;
        let ev_text = fields[c[0]];
        let event: i64 = ev_text
            .parse()
            .map_err(|_| self.bad("event", ev_text, "not an integer"))?;
        let q = num(c[1], "charge")?;
        let charge = if q == 1.0 {
            1
        } else if q == -1.0 {
            -1
        } else {
            return Err(self.bad("charge", fields[c[1]], "expected +1 or -1"));
        };
        let point_m = Vec3::new(num(c[2], "x_m")?, num(c[3], "y_m")?, num(c[4], "z_m")?);
        let momentum = Vec3::new(
            num(c[5], "px_gev")?,
            num(c[6], "py_gev")?,
            num(c[7], "pz_gev")?,
        );
        if momentum.norm() == 0.0 {
            return Err(self.bad("px_gev", fields[c[5]], "the momentum vector is zero"));
        }
        let time_ns = num(c[8], "time_ns")?;
        let pid = Pid::parse(fields[c[9]])
            .ok_or_else(|| self.bad("pid", fields[c[9]], "expected e, mu, pi or other"))?;
        let kaon_momentum = match self.kaon_cols {
            Some(k) => Some(Vec3::new(
                num(k[0], "kaon_px_gev")?,
                num(k[1], "kaon_py_gev")?,
                num(k[2], "kaon_pz_gev")?,
            )),
            None => None,
        };
        let t = Track {
            event,
            charge,
            point_m,
            momentum,
            time_ns,
            pid,
            kaon_momentum,
            row: self.row,
        };
        self.line = line;
        Ok(Some(t))
    }

    /// The next event, or `None` at the end of the file.
    ///
    /// # Errors
    /// Any malformed row; an event whose rows are not consecutive; an event
    /// with more than `max_tracks` tracks.
    pub fn next_event(&mut self) -> Result<Option<Event>, AnalysisError> {
        if self.done {
            return Ok(None);
        }
        let first = match self.pending.take() {
            Some(t) => t,
            None => match self.next_track()? {
                Some(t) => t,
                None => {
                    self.done = true;
                    return Ok(None);
                }
            },
        };
        if !self.seen.insert(first.event) {
            return Err(AnalysisError::BadEvent {
                file: self.name.clone(),
                row: first.row,
                event: first.event,
                why: "appears again after other events: the rows of an event must be consecutive"
                    .into(),
            });
        }
        let mut tracks = vec![first];
        loop {
            match self.next_track()? {
                None => {
                    self.done = true;
                    break;
                }
                Some(t) if t.event == first.event => {
                    if tracks.len() >= self.max_tracks {
                        return Err(AnalysisError::BadEvent {
                            file: self.name.clone(),
                            row: t.row,
                            event: t.event,
                            why: format!(
                                "has more than {} track(s), too many for this command",
                                self.max_tracks
                            ),
                        });
                    }
                    tracks.push(t);
                }
                Some(t) => {
                    self.pending = Some(t);
                    break;
                }
            }
        }
        Ok(Some(Event {
            id: first.event,
            tracks,
        }))
    }
}

impl<R: BufRead> Iterator for EventReader<R> {
    type Item = Result<Event, AnalysisError>;
    fn next(&mut self) -> Option<Self::Item> {
        match self.next_event() {
            Ok(Some(e)) => Some(Ok(e)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Opens an event file for streaming: Parquet if its name ends in
/// `.parquet`, CSV otherwise.
///
/// # Errors
/// As [`EventReader::new`], and [`AnalysisError::Read`] if it cannot be
/// opened (or, for Parquet, is not a readable Parquet file).
pub fn open(
    path: &Path,
    max_tracks: usize,
) -> Result<EventReader<std::io::BufReader<std::fs::File>>, AnalysisError> {
    let f = std::fs::File::open(path).map_err(|cause| AnalysisError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    if is_parquet_path(path) {
        let name = path.display().to_string();
        let read_err = |cause| AnalysisError::Read {
            path: path.to_path_buf(),
            cause,
        };
        let tracks = ParquetTracks::open(f.try_clone().map_err(read_err)?, path, &name)?;
        return Ok(EventReader {
            // Never read: the tracks come from the Parquet reader.
            input: std::io::BufReader::with_capacity(0, f),
            parquet: Some(Box::new(tracks)),
            name,
            cols: [0; 10],
            kaon_cols: None,
            n_fields: 0,
            row: 0,
            max_tracks: max_tracks.max(1),
            pending: None,
            seen: HashSet::new(),
            line: String::new(),
            done: false,
        });
    }
    EventReader::new(
        std::io::BufReader::new(f),
        &path.display().to_string(),
        max_tracks,
    )
}

/// Reads every event of a file, each with at most `max_tracks` tracks.
///
/// # Errors
/// As [`EventReader`], and [`AnalysisError::NoTracks`] for a file with a
/// header but no rows.
pub fn read_events(path: &Path, max_tracks: usize) -> Result<Vec<Event>, AnalysisError> {
    let reader = open(path, max_tracks)?;
    let name = reader.name().to_string();
    let events = reader.collect::<Result<Vec<_>, _>>()?;
    if events.is_empty() {
        return Err(AnalysisError::NoTracks(name));
    }
    Ok(events)
}

/// Reads events from text (for tests and in-memory data).
///
/// # Errors
/// As [`read_events`].
pub fn read_events_str(text: &str, max_tracks: usize) -> Result<Vec<Event>, AnalysisError> {
    let events =
        EventReader::new(text.as_bytes(), "<input>", max_tracks)?.collect::<Result<Vec<_>, _>>()?;
    if events.is_empty() {
        return Err(AnalysisError::NoTracks("<input>".into()));
    }
    Ok(events)
}

/// Writes tracks in the schema (with the kaon columns if the first track has
/// a kaon momentum). Numbers are printed with Rust's shortest round-trip
/// representation, so reading them back gives identical values.
#[must_use]
pub fn to_csv(tracks: &[Track]) -> String {
    let kaon = tracks.first().is_some_and(|t| t.kaon_momentum.is_some());
    let mut s = String::from("event,charge,x_m,y_m,z_m,px_gev,py_gev,pz_gev,time_ns,pid");
    if kaon {
        s.push_str(",kaon_px_gev,kaon_py_gev,kaon_pz_gev");
    }
    s.push('\n');
    for t in tracks {
        let _ = write!(
            s,
            "{},{},{:?},{:?},{:?},{:?},{:?},{:?},{:?},{}",
            t.event,
            t.charge,
            t.point_m.x,
            t.point_m.y,
            t.point_m.z,
            t.momentum.x,
            t.momentum.y,
            t.momentum.z,
            t.time_ns,
            t.pid.as_str()
        );
        if kaon {
            let k = t.kaon_momentum.unwrap_or_default();
            let _ = write!(s, ",{:?},{:?},{:?}", k.x, k.y, k.z);
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "event,charge,x_m,y_m,z_m,px_gev,py_gev,pz_gev,time_ns,pid";

    #[test]
    fn round_trip_and_unknown_columns() {
        let text = format!(
            "extra,{HEADER}\n7,1,1,0.5,0,100,0,1,50,0.5,mu\n7,1,-1,0,0,110,0,0,20,0.25,e\n"
        );
        let ev = read_events_str(&text, 2).unwrap();
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].tracks.len(), 2);
        assert_eq!(ev[0].tracks[1].pid, Pid::Electron);
        let again = read_events_str(&to_csv(&ev[0].tracks), 2).unwrap();
        assert_eq!(again[0].tracks[0].momentum, ev[0].tracks[0].momentum);
    }

    #[test]
    fn errors_name_the_row() {
        let cases = [
            (
                format!("{HEADER}\n1,1,0,0,0,0,0,1,0,mu\n1,-1,0,0,NaN,0,0,1,0,mu\n"),
                "row 3",
            ),
            (format!("{HEADER}\n1,2,0,0,0,0,0,1,0,mu\n"), "row 2"),
            (format!("{HEADER}\n1,1,0,0,0,0,0,1,0,kaon\n"), "pid"),
            (format!("{HEADER}\n1,1,0,0,0,0,0,1\n"), "fields"),
            (
                format!("{HEADER}\nx,1,0,0,0,0,0,1,0,mu\n"),
                "not an integer",
            ),
            (
                "event,charge\n1,1\n".to_string(),
                "missing required column 'x_m'",
            ),
            (
                format!(
                    "{HEADER}\n1,1,0,0,0,0,0,1,0,mu\n2,1,0,0,0,0,0,1,0,mu\n1,1,0,0,0,0,0,1,0,mu\n"
                ),
                "consecutive",
            ),
            (format!("{HEADER},kaon_px_gev\n"), "kaon_py_gev"),
        ];
        for (text, needle) in cases {
            let e = read_events_str(&text, 2).unwrap_err().to_string();
            assert!(e.contains(needle), "{e} lacks {needle}");
        }
        assert!(matches!(
            read_events_str("", 2),
            Err(AnalysisError::EmptyFile(_))
        ));
        assert!(matches!(
            read_events_str(&format!("{HEADER}\n"), 2),
            Err(AnalysisError::NoTracks(_))
        ));
    }

    /// An endless event: the reader must stop at the first excess track.
    struct Endless {
        header_sent: bool,
        buf: Vec<u8>,
        rows: u64,
    }
    impl std::io::Read for Endless {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.buf.is_empty() {
                if self.header_sent {
                    self.rows += 1;
                    assert!(self.rows < 1000, "the reader kept reading");
                    self.buf = b"1,1,0,0,0,0,0,1,0,mu\n".to_vec();
                } else {
                    self.header_sent = true;
                    self.buf = format!("{HEADER}\n").into_bytes();
                }
            }
            let n = out.len().min(self.buf.len());
            out[..n].copy_from_slice(&self.buf[..n]);
            self.buf.drain(..n);
            Ok(n)
        }
    }

    #[test]
    fn huge_event_is_bounded_work() {
        let input = std::io::BufReader::new(Endless {
            header_sent: false,
            buf: Vec::new(),
            rows: 0,
        });
        let mut r = EventReader::new(input, "<endless>", 2).unwrap();
        let e = r.next_event().unwrap_err().to_string();
        assert!(e.contains("row 4") && e.contains("more than 2"), "{e}");
    }
}
