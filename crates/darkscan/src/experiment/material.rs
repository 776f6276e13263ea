//! Target materials.
//!
//! Values are from the PDG "Atomic and nuclear properties of materials" tables
//! (pdg.lbl.gov AtomicNuclearProperties, as of PDG 2024): radiation length
//! X₀ in g/cm², density, and the critical energy E_c for electrons (Rossi's
//! definition).

use crate::units::AVOGADRO;

/// A target material as seen by an electromagnetic shower and by coherent
/// production on its heaviest nucleus.
#[derive(Debug, Clone, PartialEq)]
pub struct Material {
    /// Name used in presets and on the command line.
    pub name: &'static str,
    /// Atomic number of the nucleus on which FIPs are produced.
    pub z: f64,
    /// Mass number (g/mol) of that nucleus.
    pub a: f64,
    /// Radiation length of the material in cm.
    pub x0_cm: f64,
    /// Critical energy for electrons in GeV.
    pub critical_energy: f64,
    /// Number of production nuclei per cm² in one radiation length of the
    /// material: n_A · X₀. For a sampling calorimeter only the heavy layers
    /// count (the light ones add to X₀ but their Z² coherent cross sections
    /// are two orders of magnitude smaller).
    pub nuclei_per_x0_cm2: f64,
    /// One line saying where the numbers come from.
    pub source: &'static str,
}

/// Number of atoms per cm³ of an element: ρ N_A / A.
#[must_use]
pub fn atoms_per_cm3(density_g_cm3: f64, a: f64) -> f64 {
    density_g_cm3 * AVOGADRO / a
}

fn element(
    name: &'static str,
    z: f64,
    a: f64,
    density: f64,
    x0_g_cm2: f64,
    ec_mev: f64,
    source: &'static str,
) -> Material {
    let x0_cm = x0_g_cm2 / density;
    Material {
        name,
        z,
        a,
        x0_cm,
        critical_energy: ec_mev * 1e-3,
        nuclei_per_x0_cm2: atoms_per_cm3(density, a) * x0_cm,
        source,
    }
}

/// Lead: X₀ = 6.37 g/cm², ρ = 11.35 g/cm³, E_c(e⁻) = 7.43 MeV (PDG).
#[must_use]
pub fn lead() -> Material {
    element(
        "Pb",
        82.0,
        207.2,
        11.35,
        6.37,
        7.43,
        "PDG atomic and nuclear properties: lead",
    )
}

/// Tungsten: X₀ = 6.76 g/cm², ρ = 19.30 g/cm³, E_c(e⁻) = 7.97 MeV (PDG).
#[must_use]
pub fn tungsten() -> Material {
    element(
        "W",
        74.0,
        183.84,
        19.30,
        6.76,
        7.97,
        "PDG atomic and nuclear properties: tungsten",
    )
}

/// Iron: X₀ = 13.84 g/cm², ρ = 7.874 g/cm³, E_c(e⁻) = 21.68 MeV (PDG).
#[must_use]
pub fn iron() -> Material {
    element(
        "Fe",
        26.0,
        55.845,
        7.874,
        13.84,
        21.68,
        "PDG atomic and nuclear properties: iron",
    )
}

/// Copper: X₀ = 12.86 g/cm², ρ = 8.96 g/cm³, E_c(e⁻) = 19.42 MeV (PDG).
#[must_use]
pub fn copper() -> Material {
    element(
        "Cu",
        29.0,
        63.546,
        8.96,
        12.86,
        19.42,
        "PDG atomic and nuclear properties: copper",
    )
}

/// The NA64 electromagnetic calorimeter, the active target of NA64e: a
/// Pb/scintillator shashlik sandwich of 1.5 mm Pb + 1.5 mm Sc layers, ≈ 40 X₀
/// (NA64, PRD 97 (2018) 072002, detector section; layer structure as used in
/// DMG4's NA64 geometry). Production happens on Pb; the polystyrene
/// scintillator (X₀ = 41.31 cm, PDG) lengthens X₀ by 1.3 %.
#[must_use]
pub fn na64_ecal() -> Material {
    let pb = lead();
    let (t_pb, t_sc) = (0.15, 0.15); // cm per layer
    let x0_sc = 41.31;
    let x0_per_layer = t_pb / pb.x0_cm + t_sc / x0_sc;
    let pb_per_layer = atoms_per_cm3(11.35, 207.2) * t_pb;
    Material {
        name: "na64-ecal",
        z: pb.z,
        a: pb.a,
        x0_cm: (t_pb + t_sc) / x0_per_layer,
        critical_energy: pb.critical_energy,
        nuclei_per_x0_cm2: pb_per_layer / x0_per_layer,
        source: "NA64 shashlik ECAL: 1.5 mm Pb + 1.5 mm Sc layers (PRD 97 (2018) 072002)",
    }
}

/// All known materials, for look-up by name.
#[must_use]
pub fn all() -> Vec<Material> {
    vec![lead(), tungsten(), iron(), copper(), na64_ecal()]
}

/// Look a material up by name (case-insensitive).
#[must_use]
pub fn by_name(name: &str) -> Option<Material> {
    all()
        .into_iter()
        .find(|m| m.name.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_radiation_length() {
        // PDG: X₀(Pb) = 0.5612 cm.
        assert!((lead().x0_cm - 0.5612).abs() < 1e-3);
        // n_Pb = 3.30e22 cm⁻³.
        assert!((atoms_per_cm3(11.35, 207.2) / 3.299e22 - 1.0).abs() < 1e-3);
    }

    #[test]
    fn shashlik_is_nearly_lead() {
        let e = na64_ecal();
        let pb = lead();
        let ratio = e.nuclei_per_x0_cm2 / pb.nuclei_per_x0_cm2;
        assert!((0.98..1.0).contains(&ratio), "{ratio}");
        // 150 layers of 3 mm make ≈ 40 X₀.
        assert!((150.0 * 0.3 / e.x0_cm - 40.6).abs() < 0.5);
        assert!(by_name("pb").is_some() && by_name("unobtainium").is_none());
    }
}
