//! Output formats (being written).
pub fn write_reach_outputs(_r: &crate::reach::ReachResult, _d: &std::path::Path, _t: &str) -> Result<Vec<std::path::PathBuf>, std::io::Error> { Ok(vec![]) }
