//! What a Linode upload creates: [`CreateUpload`], the body of `POST /images/upload`.

use super::super::types;

/// What [`Images::upload`](super::super::Images::upload) and
/// [`Images::create_upload`](super::super::Images::create_upload) create: an empty private image waiting for
/// its data, in a region with Object Storage.
///
/// ```
/// use cloud_images::linode::CreateUpload;
///
/// let request = CreateUpload::new("my-image", "us-east")
///     .description("built by CI")
///     .tags(["ci", "web"])
///     .cloud_init(true);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub struct CreateUpload {
    body: types::ImageUploadCreate,
}

impl CreateUpload {
    /// An image named `label`, uploaded into `region` (e.g. `us-east`); it can be deployed
    /// anywhere afterwards.
    ///
    /// ```
    /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
    ///
    /// let body = ImageUploadCreate::from(CreateUpload::new("my-image", "us-east"));
    /// assert_eq!((body.label.as_str(), body.region.as_str()), ("my-image", "us-east"));
    /// ```
    pub fn new(label: impl Into<String>, region: impl Into<String>) -> Self {
        CreateUpload { body: types::ImageUploadCreate::new(label, region) }
    }

    crate::setters::setters! {
        /// A longer description (1 to 65000 characters).
        ///
        /// ```
        /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
        ///
        /// let request = CreateUpload::new("my-image", "us-east").description("built by CI");
        /// assert_eq!(ImageUploadCreate::from(request).description.as_deref(), Some("built by CI"));
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => body.description;

        /// The image's tags (each 3 to 100 characters).
        ///
        /// ```
        /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
        ///
        /// let request = CreateUpload::new("my-image", "us-east").tags(["ci", "web"]);
        /// assert_eq!(ImageUploadCreate::from(request).tags, Some(vec!["ci".to_string(), "web".to_string()]));
        /// ```
        pub fn tags<I>(self, tags: I) -> Self where I: IntoIterator, I::Item: Into<String> => body.tags;

        /// Marks the image as supporting cloud-init.
        ///
        /// ```
        /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
        ///
        /// let request = CreateUpload::new("my-image", "us-east").cloud_init(true);
        /// assert_eq!(ImageUploadCreate::from(request).cloud_init, Some(true));
        /// ```
        pub fn cloud_init(self, cloud_init: bool) -> Self => body.cloud_init;
    }

    pub(crate) fn into_body(self) -> types::ImageUploadCreate {
        self.body
    }
}

impl From<CreateUpload> for types::ImageUploadCreate {
    fn from(request: CreateUpload) -> Self {
        request.body
    }
}
