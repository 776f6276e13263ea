//! Python bindings of darkscan, thin over the library: every function calls
//! the library and returns the same JSON the CLI prints (same keys), which
//! the Python package (`python/darkscan`) turns into dicts and numpy arrays.
//! No physics lives here. Built by maturin with the `python` feature; without
//! it this crate is empty, so `cargo test --workspace` needs no Python.

#[cfg(feature = "python")]
mod bindings;
#[cfg(feature = "python")]
mod portals;
