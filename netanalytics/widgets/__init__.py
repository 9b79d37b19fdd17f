"""The notebook UIs: small classes composing ipywidgets over the library.

Each handler gathers input, calls one library function and shows the result; errors
become a readable message in the UI. Every string from an export is HTML-escaped.
"""
