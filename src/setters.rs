//! The one way a builder sets a field: [`setters!`] writes a builder's setters from their
//! signatures, and [`Set`] says how each kind of argument is stored (text, a list of texts, a
//! plain value). `tests/it/public_api.rs` reads the signatures from the macro's entries.

use std::time::Duration;

/// Writes setters: each entry is a setter's doc and signature (`self` by value, one argument,
/// `-> Self`), then `=>` and the field it sets, `self.` left out. The body is the same for
/// every setter: the argument is stored in the field ([`Set`]), and the builder returned.
///
/// ```text
/// impl UpdateImage<'_> {
///     setters! {
///         /// The new label.
///         pub fn label(self, label: impl Into<String>) -> Self => body.label;
///     }
/// }
/// ```
macro_rules! setters {
    ($(
        $(#[$attr:meta])*
        pub fn $name:ident $(<$($generic:ident),+>)? (self, $arg:ident: $ty:ty) -> Self
            $(where $($bounded:ty: $bound:path),+)?
            => $($field:ident).+;
    )*) => {$(
        $(#[$attr])*
        pub fn $name $(<$($generic),+>)? (mut self, $arg: $ty) -> Self
        $(where $($bounded: $bound),+)?
        {
            $crate::setters::Set::set(&mut self.$($field).+, $arg);
            self
        }
    )*};
}
pub(crate) use setters;

/// How a setter's argument is stored in its field.
pub(crate) trait Set<A> {
    fn set(&mut self, value: A);
}

/// Text: anything that converts into a `String`.
impl<A: Into<String>> Set<A> for Option<String> {
    fn set(&mut self, value: A) {
        *self = Some(value.into());
    }
}

/// A list of texts (tags): any iterator of them, collected; an empty one is sent as `[]`.
impl<I> Set<I> for Option<Vec<String>>
where
    I: IntoIterator,
    I::Item: Into<String>,
{
    fn set(&mut self, value: I) {
        *self = Some(value.into_iter().map(Into::into).collect());
    }
}

/// A value stored as it is: a flag, a count, a duration, an enum.
pub(crate) trait Plain {}

impl Plain for bool {}
impl Plain for u32 {}
impl Plain for u64 {}
impl Plain for Duration {}

impl<T: Plain> Set<T> for T {
    fn set(&mut self, value: T) {
        *self = value;
    }
}

impl<T: Plain> Set<T> for Option<T> {
    fn set(&mut self, value: T) {
        *self = Some(value);
    }
}
