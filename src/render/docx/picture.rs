//! Pictures for Word: the logo and the signature as PNG, with their size
//! on the page and their alt text.

use std::sync::Mutex;

use super::package::Media;
use super::xml::{attrs, emu};
use crate::error::{Error, Result};
use crate::letter::{Image, ImageFormat};

/// Pictures are drawn at this many dots per inch.
const DPI: f64 = 300.0;

/// A picture as Word holds it: PNG bytes and their size on the page.
#[derive(Debug)]
pub(super) struct Picture {
    rel: &'static str,
    id: u32,
    alt: String,
    pub width: f64,
    pub height: f64,
}

impl Picture {
    /// `image` at `height` millimetres, added to `media`.
    pub fn new(
        image: &Image,
        height: f64,
        id: u32,
        rel: &'static str,
        media: &mut Vec<Media>,
    ) -> Result<Self> {
        let (png, (w, h)) = match image.format {
            ImageFormat::Png => {
                let size = png_size(&image.bytes).ok_or_else(|| bad_image(image, "not a PNG"))?;
                (image.bytes.to_vec(), size)
            }
            ImageFormat::Svg => drawn(image, height)?,
        };
        let width = (height * w as f64 / h.max(1) as f64).min(80.0);
        media.push(Media {
            rel: rel.to_owned(),
            name: format!("word/media/image{id}.png"),
            png,
        });
        Ok(Self {
            rel,
            id,
            alt: image.alt.clone(),
            width,
            height,
        })
    }

    /// The run drawing it, inline.
    pub fn run(&self) -> String {
        let (cx, cy) = (emu(self.width), emu(self.height));
        let mut descr = String::new();
        attrs(
            &mut descr,
            &[
                ("name", &format!("Picture {}", self.id)),
                ("descr", &self.alt),
            ],
        );
        format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{id}\"{descr}/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\"{descr}/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{rel}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
             </a:graphicData></a:graphic></wp:inline></w:drawing></w:r>",
            id = self.id,
            rel = self.rel,
        )
    }
}

fn bad_image(image: &Image, why: &str) -> Error {
    Error::usage(format!("{}: {why}", image.path), None)
}

/// A PNG's width and height in pixels, from its header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

/// How many drawn SVGs the process keeps: a batch's letters share a logo
/// and a signature or two.
const DRAWN: usize = 8;

/// SVGs already drawn, by digest and height, the latest last.
type Drawn = Vec<((String, u64), (Vec<u8>, (u32, u32)))>;
static CACHE: Mutex<Drawn> = Mutex::new(Vec::new());

/// [`svg_to_png`], once per image and height in a process: drawing a logo
/// at 300 dpi costs more than writing the rest of the letter.
fn drawn(image: &Image, height: f64) -> Result<(Vec<u8>, (u32, u32))> {
    let key = (image.sha256.clone(), height.to_bits());
    let lock = || {
        CACHE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some((_, png)) = lock().iter().find(|(k, _)| *k == key) {
        return Ok(png.clone());
    }
    let png = svg_to_png(image, height)?;
    let mut cache = lock();
    if cache.len() >= DRAWN {
        cache.remove(0);
    }
    cache.push((key, png.clone()));
    Ok(png)
}

/// An SVG drawn as a PNG `height` millimetres tall at [`DPI`]: Word and
/// LibreOffice both show PNG, not every version shows SVG.
fn svg_to_png(image: &Image, height: f64) -> Result<(Vec<u8>, (u32, u32))> {
    let tree = resvg::usvg::Tree::from_data(&image.bytes, &resvg::usvg::Options::default())
        .map_err(|e| bad_image(image, &format!("not a readable SVG: {e}")))?;
    let size = tree.size();
    let scale = (height / 25.4 * DPI) as f32 / size.height().max(1.0);
    let w = (size.width() * scale).ceil().clamp(1.0, 4096.0) as u32;
    let h = (size.height() * scale).ceil().clamp(1.0, 4096.0) as u32;
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w, h).ok_or_else(|| bad_image(image, "too large to draw"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .map_err(|e| bad_image(image, &format!("could not be drawn: {e}")))?;
    Ok((png, (w, h)))
}
