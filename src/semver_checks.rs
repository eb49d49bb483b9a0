//! What the public API does not let a user do, so that it can grow without breaking anyone:
//! `compile_fail` doctests (`cargo test --doc semver_checks`), each next to what to do instead.
//! Compiled only for doctests. The list of what is public is `tests/public-api.txt`.

/// A response model has no struct literal outside the crate (`#[non_exhaustive]`): it is made
/// by decoding JSON.
///
/// ```compile_fail,E0639
/// let region = cloud_images::linode::types::ImageRegion { region: None, status: None, extra: Default::default() };
/// ```
///
/// ```
/// let region: cloud_images::linode::types::ImageRegion = serde_json::from_str(r#"{"region": "us-iad"}"#).unwrap();
/// assert_eq!(region.region.as_deref(), Some("us-iad"));
/// ```
pub struct ResponseModels;

/// A request body has no struct literal outside the crate either (`#[non_exhaustive]`): it is
/// made with `new` and its setters.
///
/// ```compile_fail,E0639
/// let body = cloud_images::digitalocean::types::ImageUpdate { name: Some("web".into()), description: None, distribution: None };
/// ```
///
/// ```
/// let body = cloud_images::digitalocean::types::ImageUpdate::new().name("web");
/// assert_eq!(body.name.as_deref(), Some("web"));
/// ```
pub struct RequestBodies;

/// A match on a generated open enum needs a `_` arm, even with every variant named
/// (`#[non_exhaustive]`).
///
/// ```compile_fail,E0004
/// use cloud_images::linode::ApiVersion;
///
/// fn name(v: ApiVersion) -> &'static str {
///     match v {
///         ApiVersion::V4 => "stable",
///         ApiVersion::V4beta => "beta",
///         ApiVersion::Other(_) => "other",
///     }
/// }
/// ```
///
/// ```
/// use cloud_images::linode::ApiVersion;
///
/// fn name(v: ApiVersion) -> &'static str {
///     match v {
///         ApiVersion::V4 => "stable",
///         ApiVersion::V4beta => "beta",
///         _ => "other",
///     }
/// }
/// assert_eq!(name(ApiVersion::from("v5")), "other");
/// ```
pub struct OpenEnums;

/// The hand-written public enums need a `_` arm too: `Method`.
///
/// ```compile_fail,E0004
/// fn write(m: cloud_images::Method) -> bool {
///     use cloud_images::Method::*;
///     match m { Get | Put | Delete => true, Post | Patch => false }
/// }
/// ```
pub struct MethodGrows;

/// `digitalocean::ImageRef`.
///
/// ```compile_fail,E0004
/// use cloud_images::digitalocean::ImageRef;
/// fn id(r: ImageRef) -> Option<u64> {
///     match r { ImageRef::Id(id) => Some(id), ImageRef::Slug(_) => None }
/// }
/// ```
pub struct ImageRefGrows;

/// `digitalocean::Recipient`.
///
/// ```compile_fail,E0004
/// use cloud_images::digitalocean::Recipient;
/// fn email(r: Recipient) -> Option<String> {
///     match r { Recipient::Email(e) => Some(e), Recipient::Team(_) => None }
/// }
/// ```
pub struct RecipientGrows;

/// `linode::IsShared`.
///
/// ```compile_fail,E0004
/// use cloud_images::linode::IsShared;
/// fn shared(s: IsShared) -> bool {
///     match s { IsShared::Flag(f) => f, IsShared::Text(_) => false }
/// }
/// ```
pub struct IsSharedGrows;

/// `linode::Order`.
///
/// ```compile_fail,E0004
/// use cloud_images::linode::Order;
/// fn ascending(o: Order) -> bool {
///     match o { Order::Asc => true, Order::Desc => false }
/// }
/// ```
pub struct OrderGrows;

/// `testing::Seed`.
///
/// ```compile_fail,E0004
/// use cloud_images::testing::Seed;
/// fn any(s: Seed) -> bool {
///     match s { Seed::Full | Seed::Public => true, Seed::Empty => false }
/// }
/// ```
pub struct SeedGrows;

/// `testing::On`.
///
/// ```compile_fail,E0004
/// use cloud_images::testing::On;
/// fn all(o: On) -> bool {
///     match o { On::Any => true, On::Operation(_) | On::Request { .. } => false }
/// }
/// ```
pub struct OnGrows;

/// `testing::Token`.
///
/// ```compile_fail,E0004
/// use cloud_images::testing::Token;
/// fn valid(t: Token) -> bool {
///     match t { Token::Valid => true, Token::None | Token::Invalid => false }
/// }
/// ```
pub struct TokenGrows;

/// A builder's `send` takes the builder: its body moves into the request (no copy). To send
/// the same request twice, clone the builder first.
///
/// ```compile_fail,E0382
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
/// let update = client.images().update("private/123").label("web");
/// let _ = update.send();
/// let _ = update.send();
/// # Ok(())
/// # }
/// ```
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
/// let update = client.images().update("private/123").label("web");
/// update.clone().send()?;
/// update.send()?;
/// # Ok(())
/// # }
/// ```
pub struct SendConsumes;

/// What a provider's error body says is read through [`ApiError`](crate::ApiError): the type
/// the providers' rules fill in is not public.
///
/// ```compile_fail,E0432
/// use cloud_images::ErrorDetails;
/// ```
pub struct ErrorDetailsIsPrivate;

/// An [`ApiMessage`](crate::ApiMessage) is read, not made.
///
/// ```compile_fail,E0624
/// let m = cloud_images::ApiMessage::new(None, "Not found");
/// ```
pub struct ApiMessageIsRead;

/// An id is checked by the call that takes it, not by the user.
///
/// ```compile_fail,E0624
/// let checked = cloud_images::linode::ImageId::from("private/1").check();
/// ```
///
/// ```compile_fail,E0624
/// let checked = cloud_images::digitalocean::ImageId::from(7).check();
/// ```
pub struct IdsCheckThemselves;

/// Ids of different things are different types, from one kit: an image id is not an action id.
///
/// ```compile_fail,E0308
/// let action: cloud_images::digitalocean::ActionId = cloud_images::digitalocean::ImageId::from(7);
/// ```
///
/// ```compile_fail,E0308
/// let group: cloud_images::linode::ShareGroupId = cloud_images::digitalocean::ImageId::from(7);
/// ```
///
/// The kinds of id are the kit's: a user cannot add one.
///
/// ```compile_fail,E0277
/// enum Mine {}
/// impl cloud_images::ids::IdKind for Mine {}
/// ```
pub struct IdKindsAreTheKits;

/// How an operation writes its path into the client's URL buffer is not public.
///
/// ```compile_fail,E0599
/// use cloud_images::Operation;
///
/// let mut url = String::new();
/// cloud_images::linode::ops::GetImage::new("private/1").write_path(&mut url);
/// ```
///
/// Not even through a bound (it takes a proof of a call from inside the crate):
///
/// ```compile_fail,E0061
/// fn append<O: cloud_images::Operation>(op: &O, url: &mut String) {
///     op.write_path(url);
/// }
/// ```
///
/// ```
/// use cloud_images::Operation;
///
/// assert_eq!(cloud_images::linode::ops::GetImage::new("private/1").path(), "/images/private%2F1");
/// ```
pub struct WritePathIsSealed;

/// [`Operation`](crate::Operation) is implemented by the generated request types only.
///
/// ```compile_fail,E0277
/// struct Mine;
/// impl cloud_images::Operation for Mine {
///     type Response = ();
///     type Body = ();
///     const METHOD: cloud_images::Method = cloud_images::Method::Get;
///     const OPERATION_ID: &'static str = "mine";
///     const PATH_TEMPLATE: &'static str = "/mine";
///     fn path(&self) -> String {
///         "/mine".into()
///     }
/// }
/// ```
pub struct OperationIsSealed;

/// A provider's hidden rules (its own settings, how it reads error bodies, which answers it
/// wants retried) cannot be named.
///
/// ```compile_fail,E0603
/// use cloud_images::provider::sealed::Sealed;
/// ```
///
/// ```compile_fail,E0576
/// let details = <cloud_images::linode::Linode as cloud_images::Provider>::error_details(&serde_json::json!({}));
/// ```
///
/// Not even through a bound (they take a proof of a call from inside the crate):
///
/// ```compile_fail,E0061
/// fn read<P: cloud_images::Provider>(body: &serde_json::Value) {
///     let _ = P::error_details(body);
/// }
/// ```
pub struct ProviderRulesAreHidden;
