//! `Verifier.explain`: the core's `Verifier::explain_at` on the caller's headers, its
//! `Explanation::to_json()` handed to the package, which makes it a
//! `hookseal.Explanation` (`hookseal/_explain.py`).
//!
//! The core asks for whichever headers it needs (other schemes' signature headers, to
//! say a delivery is of another scheme), so they are looked up one name at a time in the
//! caller's object, by the package's `values_of` (every shape `verify` takes).

use crate::headers::value;
use crate::package;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMemoryView, PyString, PyTuple};
use std::borrow::Cow;
use std::cell::RefCell;

/// Headers the core reads by name, each looked up in the Python object once. A lookup
/// that raises is remembered and raised when the core is done (the trait cannot fail).
pub struct Lookup<'py> {
    headers: Bound<'py, PyAny>,
    seen: RefCell<Vec<(String, Option<Vec<u8>>)>>,
    error: RefCell<Option<PyErr>>,
}

impl<'py> Lookup<'py> {
    /// Over `headers`; an iterator of pairs (which can be read only once) is read into a
    /// list first.
    pub fn new(headers: &Bound<'py, PyAny>) -> PyResult<Lookup<'py>> {
        let readable = headers.is_none()
            || headers.is_instance_of::<PyDict>()
            || headers.is_instance_of::<PyList>()
            || headers.is_instance_of::<PyTuple>()
            || headers.is_instance_of::<PyString>()
            || headers.is_instance_of::<PyBytes>()
            || headers.is_instance_of::<PyByteArray>()
            || headers.is_instance_of::<PyMemoryView>()
            || headers.hasattr("get")?;
        let headers = if readable {
            headers.clone()
        } else {
            // Not a mapping: pairs, perhaps a generator. Whatever is not iterable is left
            // for `values_of` to refuse with its message.
            match headers.py().get_type::<PyList>().call1((headers,)) {
                Ok(list) => list,
                Err(_) => headers.clone(),
            }
        };
        Ok(Lookup {
            headers,
            seen: RefCell::new(Vec::new()),
            error: RefCell::new(None),
        })
    }

    /// The first error a lookup raised, if any.
    pub fn finish(self) -> PyResult<()> {
        match self.error.into_inner() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn fetch(&self, name: &str) -> PyResult<Option<Vec<u8>>> {
        let py = self.headers.py();
        let names = PyTuple::new(py, [name])?;
        let values = package::values_of(py, &self.headers, &names)?;
        let item = values.get_item(0)?;
        Ok(value(&item, name)?.map(Cow::into_owned))
    }
}

impl hookseal::Headers for Lookup<'_> {
    fn get(&self, name: &str) -> Option<Cow<'_, [u8]>> {
        if let Some((_, v)) = self.seen.borrow().iter().find(|(n, _)| n == name) {
            return v.clone().map(Cow::Owned);
        }
        if self.error.borrow().is_some() {
            return None;
        }
        let found = self.fetch(name).unwrap_or_else(|e| {
            *self.error.borrow_mut() = Some(e);
            None
        });
        self.seen
            .borrow_mut()
            .push((name.to_owned(), found.clone()));
        found.map(Cow::Owned)
    }
}
