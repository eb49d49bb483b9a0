//! What a listing gives: [`Page`], what one request returns, and [`Items`], the lazy iterator
//! over every page, one request per page, only when the iterator needs it (the pages it is
//! given by the cursor of `list.rs`).

use std::fmt;

use crate::decode::PageItems;
use crate::{Error, Result};

mod adapt;

/// One page of a listing, as `send()` returns it: the items that decoded, the errors of those
/// that did not, and the counters the provider gave.
///
/// An item that cannot be decoded does not fail the page: it is left out of `items` and
/// reported in `failed`, by its position on the page, its `id` when it had one, and the field
/// ([`Error::item_index`], [`Error::item_id`]).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let page = client.images().list().page(2).send()?;
/// println!("page {} of {:?}: {} images, {:?} in all", page.page, page.pages, page.items.len(), page.total);
/// for e in &page.failed {
///     eprintln!("left out: {e}");
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of the page that decoded, in the server's order.
    pub items: Vec<T>,
    /// One error for each item that could not be decoded, in the server's order.
    pub failed: Vec<Error>,
    /// The number of this page, from 1.
    pub page: u64,
    /// How many pages the listing has, when the answer tells:
    ///
    /// - Linode: its `pages` counter, as sent.
    /// - DigitalOcean: `meta.total` divided by the page size asked for (`per_page`, or the API's
    ///   default 20 when none was sent), rounded up, at least 1; so it is the same on every
    ///   page, the last one and one past the end (no items, `meta.total` still sent) included.
    ///   `meta.total` wins over the `last` link when they disagree: the link is missing on the
    ///   last page, so it could not give the same count everywhere. Without `meta.total`: the
    ///   `last` link's page number; without either, this page when it has items and no `next`
    ///   link (it is the last), or page 1 without a `next` link (the only one); else `None`. A
    ///   page with items counts at least up to its own number.
    pub pages: Option<u64>,
    /// How many items the listing has in all, when the provider says (Linode `results`,
    /// DigitalOcean `meta.total`).
    pub total: Option<u64>,
}

impl<T> Page<T> {
    pub(crate) fn new(items: PageItems<T>, page: u64, pages: Option<u64>, total: Option<u64>) -> Self {
        let (items, failed) = items.split();
        Page { items, failed, page, pages, total }
    }
}

/// One fetched page, for the iterator: its items and the total the provider reported.
pub(crate) struct Fetched<T> {
    pub(crate) items: PageItems<T>,
    pub(crate) total: Option<u64>,
}

type FetchPage<T> = Box<dyn FnMut() -> Result<Option<Fetched<T>>> + Send>;

/// What is left of the current page.
enum Buffer<T> {
    Whole(std::vec::IntoIter<T>),
    Mixed(std::vec::IntoIter<Result<T>>),
}

/// The items of a listing, fetched page by page as the iterator advances.
///
/// Nothing is sent until the first call to `next`. Each page is one request. The iterator ends
/// after the last page, on an empty page, when the server repeats a page (the same page number,
/// or the same first item as the page before, on every listing of both providers: logged at
/// `debug`, the repeated items are not yielded again), or after the first error (which it
/// yields, then `None` for good). An answer without its list of items (`{}`) is such an error
/// ([`ErrorKind::Decode`](crate::ErrorKind::Decode), naming the missing field), not an empty
/// page. `take(n)` sends only the requests it needs.
///
/// The one exception: an item that cannot be decoded is yielded as an error in its place
/// ([`Error::item_index`] is `Some`), and the items after it, and the next pages, still come.
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
    buffer: Buffer<T>,
    done: bool,
    pages: u64,
    total: Option<u64>,
}

impl<T> Items<T> {
    /// `fetch` returns the next page, or `Ok(None)` when there is none; it owns its cursor.
    pub(crate) fn new(fetch: impl FnMut() -> Result<Option<Fetched<T>>> + Send + 'static) -> Self {
        Items {
            fetch: Box::new(fetch),
            buffer: Buffer::Whole(Vec::new().into_iter()),
            done: false,
            pages: 0,
            total: None,
        }
    }

    /// An iterator that yields `error` and ends, having sent nothing.
    pub(crate) fn failed(error: Error) -> Self {
        let mut error = Some(error);
        Items::new(move || match error.take() {
            Some(e) => Err(e),
            None => Ok(None),
        })
    }

    /// How many items the whole listing holds, as the provider reported with the first page
    /// (Linode `results`, DigitalOcean `meta.total`): `None` before the first page is fetched,
    /// or when the provider did not say.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let mut images = client.images().list().iter();
    /// let first = images.next().transpose()?;
    /// println!("{:?} images in all", images.total());
    /// # Ok(())
    /// # }
    /// ```
    pub fn total(&self) -> Option<u64> {
        self.total
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
            let next = match &mut self.buffer {
                Buffer::Whole(items) => items.next().map(Ok),
                Buffer::Mixed(items) => items.next(),
            };
            if next.is_some() {
                return next;
            }
            if self.done {
                return None;
            }
            // Free the drained page before fetching the next: peak memory stays one page, and
            // the allocator can reuse that memory for the next body.
            self.buffer = Buffer::Whole(Vec::new().into_iter());
            match (self.fetch)() {
                Ok(Some(page)) if !page.items.is_empty() => {
                    if self.pages == 0 {
                        self.total = page.total;
                    }
                    self.pages += 1;
                    self.buffer = match page.items {
                        PageItems::Whole(v) => Buffer::Whole(v.into_iter()),
                        PageItems::Mixed(v) => Buffer::Mixed(v.into_iter()),
                    };
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
        let buffered = match &self.buffer {
            Buffer::Whole(v) => v.len(),
            Buffer::Mixed(v) => v.len(),
        };
        f.debug_struct("Items")
            .field("buffered", &buffered)
            .field("total", &self.total)
            .field("pages_fetched", &self.pages)
            .field("done", &self.done)
            .finish()
    }
}
