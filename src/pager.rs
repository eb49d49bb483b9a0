//! Lazy listings: one request per page, only when the iterator needs it.

use std::fmt;

use crate::Result;

type FetchPage<T> = Box<dyn FnMut() -> Result<Option<Vec<T>>> + Send>;

/// The items of a listing, fetched page by page as the iterator advances.
///
/// Nothing is sent until the first call to `next`. Each page is one request. The iterator ends
/// after the last page, on an empty page, when the server repeats a page, or after the first
/// error (which it yields, then `None` for good). `take(n)` sends only the requests it needs.
///
/// ```no_run
/// use cloud_images::linode::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::builder().build()?;
/// for image in client.images().list().page_size(500).iter().take(3) {
///     println!("{}", image?.id);
/// }
/// # Ok(())
/// # }
/// ```
pub struct Items<T> {
    fetch: FetchPage<T>,
    buffer: std::vec::IntoIter<T>,
    done: bool,
    pages: u64,
}

impl<T> Items<T> {
    /// `fetch` returns the next page, or `Ok(None)` when there is none; it owns its cursor.
    pub(crate) fn new(fetch: impl FnMut() -> Result<Option<Vec<T>>> + Send + 'static) -> Self {
        Items { fetch: Box::new(fetch), buffer: Vec::new().into_iter(), done: false, pages: 0 }
    }

    /// How many pages (requests) were fetched so far.
    ///
    /// ```
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().build()?;
    /// let images = client.images().list().page_size(500).iter();
    /// assert_eq!(images.pages_fetched(), 0); // nothing is sent before the first `next`
    /// # Ok(())
    /// # }
    /// ```
    pub fn pages_fetched(&self) -> u64 {
        self.pages
    }
}

impl<T> Iterator for Items<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(Ok(item));
            }
            if self.done {
                return None;
            }
            // Free the drained page before fetching the next: peak memory stays one page, and
            // the allocator can reuse that memory for the next body.
            self.buffer = Vec::new().into_iter();
            match (self.fetch)() {
                Ok(Some(page)) if !page.is_empty() => {
                    self.pages += 1;
                    self.buffer = page.into_iter();
                }
                Ok(_) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl<T> std::iter::FusedIterator for Items<T> {}

impl<T> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("buffered", &self.buffer.len())
            .field("pages_fetched", &self.pages)
            .field("done", &self.done)
            .finish()
    }
}
