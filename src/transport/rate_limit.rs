//! The rate limit an API reports on its answers, as a client last saw it.

/// The rate-limit headers of the last response that carried them (DigitalOcean sends them on
/// every response: `ratelimit-limit`, `ratelimit-remaining`, `ratelimit-reset`).
///
/// ```no_run
/// use cloud_images::digitalocean::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// client.images().get("ubuntu-24-04-x64")?;
/// if let Some(limit) = client.rate_limit() {
///     println!("{} of {} requests left; resets at {}", limit.remaining, limit.limit, limit.reset);
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window (`ratelimit-limit`).
    pub limit: u64,
    /// Requests left in the window (`ratelimit-remaining`).
    pub remaining: u64,
    /// Unix time (seconds) at which the oldest request stops counting (`ratelimit-reset`).
    pub reset: u64,
}
