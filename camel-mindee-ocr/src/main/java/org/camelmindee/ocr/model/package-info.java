/**
 * Records for the Mindee API v2 JSON, one per API object, named as in the API schema. No Camel imports, so that the
 * local engine and the benchmarks can share them. Unknown fields are ignored: the API adds fields without notice.
 */
package org.camelmindee.ocr.model;
