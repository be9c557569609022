"""The village-list import wizard's steps, one widget each (the file and sheet, placing the
columns, the preview with its error report), and BPJS's KPJ results (`kpj`).
`ui.excel_import_page.ExcelImportDialog` chains the steps and does the reading and the
writing on a worker; what the steps decide without widgets is `excel.import_preview`."""
