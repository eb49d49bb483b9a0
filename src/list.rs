//! Listings: one builder, [`List`], for every list operation of both providers ([`Paged`],
//! implemented by the generated operations from their spec's `x-paging`), and the one cursor
//! that walks a listing's pages, with the one repeated-page guard.
//!
//! A provider plugs in two things: how it sends a page (a sender, made where the listing is made:
//! Linode puts the API version in front of the path) and how it reads where an answer says the
//! listing is ([`Locate`]: Linode's counters, DigitalOcean's links and total). Everything else
//! (the checks of the page and the page size, the default page size, what to fetch next and
//! when to stop) is the code below, the same for every listing.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use crate::decode::{Listing, PageItems};
use crate::page::Fetched;
use crate::transport::ListingPage;
use crate::{Error, Items, Operation, Page, Provider, Result};

pub(crate) mod sealed {
    pub trait Sealed {}
}

/// A list operation: a request for one page of a listing, sent again with another page number
/// for the next. Implemented by the generated list operations of both providers
/// ([`linode::ops::GetImages`](crate::linode::ops::GetImages),
/// [`digitalocean::ops::ImagesList`](crate::digitalocean::ops::ImagesList), ...), from what the
/// spec's `x-paging` says about each listing; sealed. A [`List`] sends one.
///
/// ```
/// use cloud_images::{List, Paged, linode};
///
/// // Any listing of either provider, by its items' ids.
/// fn count<O: Paged>(list: &List<'_, O>) -> usize {
///     list.iter().filter(Result::is_ok).count()
/// }
/// assert_eq!(<linode::ops::GetImages as Paged>::PAGE_SIZES, (25, 500));
/// assert_eq!(<cloud_images::digitalocean::ops::ImagesList as Paged>::PAGE_SIZES, (1, 200));
/// # let _ = count::<linode::ops::GetImages>;
/// ```
pub trait Paged:
    Operation<Response: Listing<Item = Self::Item>> + Clone + fmt::Debug + Send + Sync + 'static + sealed::Sealed
{
    /// What a page holds.
    type Item: Send + 'static;
    /// The provider that serves the listing.
    type Provider: Provider + Locate;
    /// The API's name of the page size parameter (`page_size`, `per_page`).
    const PAGE_SIZE: &'static str;
    /// The smallest and the largest page size the API accepts.
    const PAGE_SIZES: (u64, u64);
    /// The page the request asks for (`None`: not sent, the first).
    #[doc(hidden)]
    fn requested_page(&self) -> Option<u64>;
    /// Asks for another page; everything else is kept.
    #[doc(hidden)]
    fn set_requested_page(&mut self, page: u64);
    /// The page size the request asks for (`None`: not sent).
    #[doc(hidden)]
    fn requested_page_size(&self) -> Option<u64>;
    /// Asks for another page size.
    #[doc(hidden)]
    fn set_requested_page_size(&mut self, size: u64);
    /// What tells items apart (the id the spec names), for the repeated-page guard.
    #[doc(hidden)]
    fn fingerprint(item: &Self::Item) -> String;
}

/// A list operation with a server-side filter (the spec's `x-paging` names it): Linode's
/// `X-Filter`, which [`List::filter`] sets.
#[doc(hidden)]
pub trait Filtered {
    /// Sets the filter as it is sent.
    fn set_filter(&mut self, filter: Option<String>);
}

/// Where one answer of a listing says the listing is, as its envelope has it: each envelope
/// fills in what it carries (its spec's `x-paging` `position`), the rest is `None`.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position<'a> {
    /// The answer's own page number.
    pub page: Option<u64>,
    /// How many pages the listing has.
    pub pages: Option<u64>,
    /// How many items the listing has.
    pub total: Option<u64>,
    /// The link to the next page.
    pub next: Option<&'a str>,
    /// The link to the last page.
    pub last: Option<&'a str>,
}

/// How a provider reads where its answers say a listing is (Linode's counters, DigitalOcean's
/// links and total): implemented in each provider's folder.
#[doc(hidden)]
pub trait Locate {
    /// What the answer to page `asked` of `what` (`linode get-images`), asked with `page_size`
    /// items a page, says: its envelope's `at`, holding `items` items (decoded or not).
    fn locate(what: &str, asked: u64, page_size: u64, at: Position<'_>, items: usize) -> Located;
}

/// What one answer of a listing says, read by its provider.
#[doc(hidden)]
#[derive(Debug)]
pub struct Located {
    /// The number of the page the answer holds.
    pub page: u64,
    /// How many pages the listing has, as far as this answer tells.
    pub pages: Option<u64>,
    /// How many items the listing has in all.
    pub total: Option<u64>,
    /// Where the listing goes after this page.
    pub next: Next,
}

/// Where a provider's answer says the listing goes after this page.
#[doc(hidden)]
#[derive(Debug)]
pub enum Next {
    /// To this page.
    Page(u64),
    /// Nowhere: this was the last page.
    End,
    /// The answer does not say (no counters): on to the next page only if this one was full.
    IfFull,
    /// The answer points somewhere the client cannot follow: yield this page, then the error.
    Broken(Error),
}

/// How a provider sends one page of a listing (the request, and the page number it asks for,
/// for messages): made where the listing is made, kept by the iterator.
type Sender<O> = Arc<dyn Fn(&O, u64) -> Result<ListingPage<<O as Operation>::Response>> + Send + Sync>;

/// A listing: set the page, the page size and what the provider lets you filter on, then
/// [`send`](List::send) for one page or [`iter`](List::iter) (or a `for` loop) for every item,
/// page by page as needed. Every listing of both providers is one: get it from `list()`
/// (`client.images().list()`, `client.sharegroups().members(8306).list()`,
/// `client.images().actions(7555620).list()`, ...). The builder is only read: `send` and
/// `iter` can be called again, and start over.
///
/// The page is at least 1, and the page size within what the API accepts
/// ([`Paged::PAGE_SIZES`]: Linode 25 to 500, DigitalOcean 1 to 200); anything else, or an id
/// that cannot be sent, is an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error
/// before any request.
///
/// What only one provider has is set with its own methods: Linode's
/// [`filter`](List::filter) on every Linode listing; DigitalOcean's
/// [`per_page`](List::per_page) (its word for [`page_size`](List::page_size)) on every
/// DigitalOcean listing, and [`kind`](List::kind), [`private`](List::private) and
/// [`tag`](List::tag) on its images listing.
///
/// ```no_run
/// use cloud_images::linode::{Client, Filter, Order};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let mine = client.images().list().page_size(100).filter(Filter::eq("is_public", false).order_by("label", Order::Asc));
/// for image in &mine {
///     println!("{}", image?.id);
/// }
/// let second = mine.page(2).send()?;
/// println!("page {} of {:?}: {:?} images in all", second.page, second.pages, second.total);
/// # Ok(())
/// # }
/// ```
#[must_use]
pub struct List<'a, O: Paged> {
    /// The request as the caller set it up: the first page is sent as it is.
    op: O,
    /// Why the listing cannot be sent, by what was set (`id`, `filter`, `tag`): refused by
    /// `send` and `iter` before any request. A setting set again replaces its refusal.
    refused: Vec<(&'static str, String)>,
    send: Sender<O>,
    /// The client the listing was made from: it lives as long as the builder, not longer.
    client: PhantomData<&'a ()>,
}

impl<O: Paged> List<'_, O> {
    /// The listing of `op`, each page sent by `send`.
    pub(crate) fn new(
        op: O,
        send: impl Fn(&O, u64) -> Result<ListingPage<O::Response>> + Send + Sync + 'static,
    ) -> Self {
        List { op, refused: Vec::new(), send: Arc::new(send), client: PhantomData }
    }

    /// Refuses the listing because of `setting` (`why`), or takes back its refusal (`None`).
    pub(crate) fn refuse(mut self, setting: &'static str, why: Option<String>) -> Self {
        self.refused.retain(|(s, _)| *s != setting);
        if let Some(why) = why {
            self.refused.push((setting, why));
        }
        self
    }

    /// Refuses the listing when the id it lists under did not pass its `check` (that error's
    /// message says why).
    pub(crate) fn refuse_unless<T>(self, check: Result<T>) -> Self {
        self.refuse("id", check.err().map(|e| e.to_string()))
    }

    /// The request, for the provider's own setters.
    pub(crate) fn op_mut(&mut self) -> &mut O {
        &mut self.op
    }

    /// The 1-based page [`send`](List::send) fetches, and the page [`iter`](List::iter) starts
    /// from (default 1: then no page number is sent with the first request). Page 0 is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when sent.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().build()?;
    /// let second = client.images().list().page(2); // `send()` fetches page 2; `iter()` starts there
    /// let zero = client.images().list().page(0).send();
    /// assert_eq!(zero.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn page(mut self, page: u64) -> Self {
        self.op.set_requested_page(page);
        self
    }

    /// Items per page, within what the API accepts ([`Paged::PAGE_SIZES`]: Linode 25 to 500,
    /// DigitalOcean 1 to 200). Unset, both [`send`](List::send) and [`iter`](List::iter) ask
    /// for the largest (the APIs' own defaults are 100 and 20): fewer round trips, and page
    /// numbers count pages of that size. Anything else is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when sent, before any
    /// request.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean, linode};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let linode = linode::Client::builder().build()?;
    /// let fewer_requests = linode.images().list().page_size(500);
    /// let too_small = linode.images().list().page_size(10).send();
    /// assert_eq!(too_small.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// let digitalocean = digitalocean::Client::builder().token("dop_v1_...").build()?;
    /// let big_pages = digitalocean.images().list().page_size(200); // sent as `per_page=200`
    /// # Ok(())
    /// # }
    /// ```
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.op.set_requested_page_size(page_size);
        self
    }

    /// Fetches one page: its items, its number, and what the answer says about the listing
    /// ([`Page::pages`], [`Page::total`]). An item that cannot be decoded is reported in
    /// [`failed`](Page::failed), and the others are returned; an answer without its list of
    /// items is an [`ErrorKind::Decode`](crate::ErrorKind::Decode) error.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let page = client.images().list().page(2).send()?;
    /// for image in &page.items {
    ///     println!("{}", image.id);
    /// }
    /// let digitalocean = cloud_images::digitalocean::Client::from_env()?;
    /// let actions = digitalocean.images().actions(7555620).list().page_size(50).send()?;
    /// println!("{:?} actions in all", actions.total);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(&self) -> Result<Page<O::Item>> {
        let source = self.source()?;
        let (items, info) = source.fetch(source.first())?;
        Ok(Page::new(items, info.page, info.pages, info.total))
    }

    /// Every item, fetched page by page as the iterator advances: nothing is sent before the
    /// first `next`, and each page is one request, the request [`send`](List::send) sends with
    /// only its page number changed (so the filters are kept, and a provider's links are never
    /// followed to another host). It starts at [`page`](List::page) (default 1) and ends as
    /// [`Items`] says: after the last page, on an empty page, when the server repeats a page,
    /// when the next page would go back or beyond the smallest page count an answer gave, or
    /// after the first error (yielded, then `None` for good). Invalid settings are that error,
    /// with nothing sent. The builder is not changed: call `iter` again to start over.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let first_ten: Vec<_> = client.images().list().page_size(25).iter().take(10).collect::<Result<_, _>>()?;
    /// let groups = client.sharegroups().list().iter().collect::<Result<Vec<_>, _>>()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn iter(&self) -> Items<O::Item> {
        match self.source() {
            Ok(source) => {
                let first = source.first();
                let mut cursor = Cursor {
                    source,
                    next: Some(first),
                    last_page: None,
                    last_fingerprint: None,
                    max_page: u64::MAX,
                    pending: None,
                };
                Items::new(move || cursor.fetch())
            }
            Err(e) => Items::failed(e),
        }
    }

    /// The checked listing, ready to fetch pages: refusals first, then the page, then the page
    /// size (the largest when unset).
    fn source(&self) -> Result<Source<O>> {
        if let Some((_, why)) = self.refused.first() {
            return Err(Error::invalid_input(why.clone()));
        }
        let what = what::<O>();
        let mut op = self.op.clone();
        if op.requested_page() == Some(0) {
            return Err(Error::invalid_input(format!("{what}: pages are numbered from 1, got page 0")));
        }
        let (min, max) = O::PAGE_SIZES;
        match op.requested_page_size() {
            None => op.set_requested_page_size(max),
            Some(size) if !(min..=max).contains(&size) => {
                return Err(Error::invalid_input(format!(
                    "{what}: {} must be between {min} and {max}, got {size}",
                    O::PAGE_SIZE
                )));
            }
            Some(_) => {}
        }
        Ok(Source { op, send: Arc::clone(&self.send), what })
    }
}

impl<O: Paged> Clone for List<'_, O> {
    fn clone(&self) -> Self {
        List {
            op: self.op.clone(),
            refused: self.refused.clone(),
            send: Arc::clone(&self.send),
            client: PhantomData,
        }
    }
}

impl<O: Paged> fmt::Debug for List<'_, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("List")
            .field("provider", &O::Provider::NAME)
            .field("operation", &O::OPERATION_ID)
            .field("request", &self.op)
            .finish_non_exhaustive()
    }
}

/// `for image in client.images().list() { .. }`: the same as [`iter`](List::iter).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// for image in client.images().list().page_size(500) {
///     println!("{}", image?.id);
/// }
/// # Ok(())
/// # }
/// ```
impl<O: Paged> IntoIterator for List<'_, O> {
    type Item = Result<O::Item>;
    type IntoIter = Items<O::Item>;

    fn into_iter(self) -> Items<O::Item> {
        self.iter()
    }
}

/// `for group in &list { .. }`: the same as [`iter`](List::iter); the builder is kept.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::digitalocean::Client::from_env()?;
/// let mine = client.images().list().private(true);
/// for image in &mine {
///     println!("{:?}", image?.name);
/// }
/// println!("{:?} in all", mine.send()?.total);
/// # Ok(())
/// # }
/// ```
impl<O: Paged> IntoIterator for &List<'_, O> {
    type Item = Result<O::Item>;
    type IntoIter = Items<O::Item>;

    fn into_iter(self) -> Items<O::Item> {
        self.iter()
    }
}

/// The listing in logs and messages: `linode get-images`.
fn what<O: Paged>() -> String {
    format!("{} {}", O::Provider::NAME, O::OPERATION_ID)
}

/// A checked listing: sends one page of it at a time, and reads what each answer says.
struct Source<O: Paged> {
    /// The request, checked, its page size set.
    op: O,
    send: Sender<O>,
    what: String,
}

/// What one answer of a listing says, with what tells it apart from the page before.
struct PageInfo {
    page: u64,
    pages: Option<u64>,
    total: Option<u64>,
    next: Next,
    /// The first item's id, to notice a server that repeats a page without numbering it.
    fingerprint: Option<String>,
}

impl<O: Paged> Source<O> {
    /// The page the request asks for.
    fn first(&self) -> u64 {
        self.op.requested_page().unwrap_or(1)
    }

    /// The page size asked for.
    fn page_size(&self) -> u64 {
        self.op.requested_page_size().unwrap_or(O::PAGE_SIZES.1)
    }

    /// Fetches page `page`: the request as it is when it asks for that page already (the
    /// first), else a copy with only the page number changed.
    fn fetch(&self, page: u64) -> Result<(PageItems<O::Item>, PageInfo)> {
        let (envelope, items) = if self.first() == page {
            (self.send)(&self.op, page)?
        } else {
            let mut op = self.op.clone();
            op.set_requested_page(page);
            (self.send)(&op, page)?
        };
        let located =
            O::Provider::locate(&self.what, page, self.page_size(), envelope.position(), items.len());
        let fingerprint = items.first_ok().map(O::fingerprint);
        let Located { page, pages, total, next } = located;
        Ok((items, PageInfo { page, pages, total, next, fingerprint }))
    }
}

/// Where a listing is: the one cursor of every listing.
struct Cursor<O: Paged> {
    source: Source<O>,
    /// The page to fetch next; `None`: the listing is over.
    next: Option<u64>,
    /// The number of the last page answered.
    last_page: Option<u64>,
    last_fingerprint: Option<String>,
    /// Never ask beyond this: the smallest page count any answer gave.
    max_page: u64,
    /// An error to yield after the items of the page that caused it.
    pending: Option<Error>,
}

impl<O: Paged> Cursor<O> {
    /// The next page, `Ok(None)` when the listing is over; stops on an empty page, a repeated
    /// page (the same page number or one before it, or the same first item as the page before:
    /// the one repeated-page guard), a next page that goes back or beyond the page count, and
    /// after an error.
    fn fetch(&mut self) -> Result<Option<Fetched<O::Item>>> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        let Some(asked) = self.next.take() else { return Ok(None) };
        let (items, info) = self.source.fetch(asked)?;
        if items.is_empty() {
            return Ok(None);
        }
        let what = &self.source.what;
        let again = self.last_page.filter(|last| info.page <= *last);
        let same_first = info.fingerprint.is_some() && info.fingerprint == self.last_fingerprint;
        if again.is_some() || same_first {
            match (again, info.fingerprint.as_deref()) {
                (Some(_), _) | (None, None) => log::debug!(
                    target: "cloud_images",
                    "{what}: asked for page {asked}, the server answered page {} again; stopping",
                    info.page
                ),
                (None, Some(first)) => log::debug!(
                    target: "cloud_images",
                    "{what}: page {asked} starts with the same item ({first}) as the page before: the server repeated that page; stopping"
                ),
            }
            return Ok(None);
        }
        self.last_page = Some(info.page);
        self.last_fingerprint = info.fingerprint;
        if let Some(pages) = info.pages {
            self.max_page = self.max_page.min(pages.max(info.page));
        }
        let current = info.page;
        self.next = match info.next {
            Next::Page(page) if page <= current => {
                log::warn!(
                    target: "cloud_images",
                    "{what}: the next page after page {current} is page {page}, which goes back; stopping"
                );
                None
            }
            Next::Page(page) if page > self.max_page => {
                log::warn!(
                    target: "cloud_images",
                    "{what}: the next page is page {page}, but the listing has {} pages; stopping",
                    self.max_page
                );
                None
            }
            Next::Page(page) => Some(page),
            Next::End => None,
            Next::IfFull => {
                let full = items.len() as u64 >= self.source.page_size();
                (full && current < self.max_page).then(|| current.saturating_add(1))
            }
            Next::Broken(error) => {
                self.pending = Some(error);
                None
            }
        };
        Ok(Some(Fetched { items, total: info.total }))
    }
}
