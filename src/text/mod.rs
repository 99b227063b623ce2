//! Pure text primitives: sanitising untrusted text, script and direction detection,
//! normalisation for matching, display width and layout (wrap + BiDi + shaping).
//! Knows nothing of documents or terminals.

pub mod guard;
pub mod layout;
pub mod normalize;
pub mod printable;
pub mod sanitize;
pub mod script;
pub mod width;
