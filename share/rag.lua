-- bvplan's Lua filter for the Word paper, shipped with share/reference.docx:
--
--   pandoc --from=markdown-implicit_figures --columns=10 --reference-doc=reference.docx \
--          --lua-filter=rag.lua -o paper.docx paper.md
--
-- (pandoc's markdown reader takes a table's column widths from its separator dashes when
-- a line is longer than --columns; the gfm reader drops them.)
--
-- Every table is written as Word XML here, not by pandoc's table writer, because pandoc
-- cannot shade a cell: a rating (a cell of a column headed "RAG", or of the row "Overall
-- status (RAG)") that holds only a RAG word (Red, Amber, Green, Complete, after any shape
-- sign such as "▲") is shaded in its colour and keeps the word in bold, so
-- it reads in colour, in black and white and to a screen reader. Columns keep the widths
-- the paper gives them across the text width; the header row repeats on each page and no
-- row is split across pages. Cells hold plain text (bold kept), as every bvplan table does.
--
-- The title is given once, by the metadata block, not again by a first level-1 heading;
-- and every picture takes the text width.

local shades = {
  Red = { fill = "C00000", text = "FFFFFF" },
  Amber = { fill = "FFC000", text = "000000" },
  Green = { fill = "00B050", text = "000000" },
  Complete = { fill = "9DC3E6", text = "000000" },
}

-- The text width of share/reference.docx in twentieths of a point: an A4 page (11906)
-- less two 2.5 cm margins (1418 each).
local text_width = 11906 - 2 * 1418

local function xml(text)
  return (text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

local function run(text, bold, colour)
  if text == "" then return "" end
  local properties = ""
  if bold or colour then
    properties = "<w:rPr>" .. (bold and "<w:b/>" or "") ..
        (colour and string.format('<w:color w:val="%s"/>', colour) or "") .. "</w:rPr>"
  end
  return "<w:r>" .. properties .. '<w:t xml:space="preserve">' .. xml(text) .. "</w:t></w:r>"
end

-- The runs of a cell: its text, in bold where the Markdown has it in bold.
local function runs(blocks)
  local out = {}
  local plain = {}
  local function flush()
    out[#out + 1] = run(table.concat(plain), false)
    plain = {}
  end
  for _, block in ipairs(blocks) do
    if #plain > 0 then plain[#plain + 1] = " " end
    for _, inline in ipairs(block.content or {}) do
      if inline.t == "Strong" then
        flush()
        out[#out + 1] = run(pandoc.utils.stringify(inline), true)
      else
        plain[#plain + 1] = pandoc.utils.stringify(inline)
      end
    end
  end
  flush()
  return table.concat(out)
end

local justify = { AlignRight = "right", AlignCenter = "center" }

-- `rag`: the cell is in a column headed "RAG", or a row whose first cell ends "(RAG)", as
-- the paper's ratings are; a note that happens to read "Green" is left as text.
local function cell_xml(cell, align, width, rag)
  local text = pandoc.utils.stringify(cell.contents)
  local word = rag and text:match("^[^%w]*%s*(%a+)%s*$")
  local colours = word and shades[word]
  local properties = string.format('<w:tcW w:type="dxa" w:w="%d"/>', width)
  local content
  if colours then
    properties = properties .. string.format('<w:shd w:val="clear" w:color="auto" w:fill="%s"/>', colours.fill)
    content = run(text, true, colours.text)
  else
    content = runs(cell.contents)
  end
  return string.format('<w:tc><w:tcPr>%s</w:tcPr><w:p><w:pPr><w:pStyle w:val="Compact"/><w:jc w:val="%s"/></w:pPr>' ..
    "%s</w:p></w:tc>", properties, justify[align] or "left", content)
end

local function row_xml(row, colspecs, widths, header, rag_columns)
  local cells = {}
  local first = row.cells[1] and pandoc.utils.stringify(row.cells[1].contents) or ""
  local rag_row = not header and first:match("%(RAG%)%s*$") ~= nil
  for i, cell in ipairs(row.cells) do
    local rag = not header and (rag_columns[i] or (rag_row and i > 1))
    cells[#cells + 1] = cell_xml(cell, colspecs[i] and colspecs[i][1], widths[i] or 0, rag)
  end
  local properties = header and "<w:cantSplit/><w:tblHeader/>" or "<w:cantSplit/>"
  return "<w:tr><w:trPr>" .. properties .. "</w:trPr>" .. table.concat(cells) .. "</w:tr>"
end

function Table(tbl)
  local colspecs = tbl.colspecs
  local given, unset = 0, 0
  for _, spec in ipairs(colspecs) do
    if type(spec[2]) == "number" then given = given + spec[2] else unset = unset + 1 end
  end
  local rest = unset > 0 and math.max(0, 1 - given) / unset or 0
  local scale = given + rest * unset
  local widths, grid = {}, {}
  for i, spec in ipairs(colspecs) do
    local share = type(spec[2]) == "number" and spec[2] or rest
    widths[i] = math.floor(text_width * share / (scale > 0 and scale or 1))
    grid[#grid + 1] = string.format('<w:gridCol w:w="%d"/>', widths[i])
  end
  local rag_columns = {}
  for _, row in ipairs(tbl.head.rows) do
    for i, cell in ipairs(row.cells) do
      if pandoc.utils.stringify(cell.contents) == "RAG" then rag_columns[i] = true end
    end
  end
  local rows = {}
  for _, row in ipairs(tbl.head.rows) do rows[#rows + 1] = row_xml(row, colspecs, widths, true, rag_columns) end
  for _, body in ipairs(tbl.bodies) do
    for _, row in ipairs(body.body) do rows[#rows + 1] = row_xml(row, colspecs, widths, false, rag_columns) end
  end
  return pandoc.RawBlock("openxml",
    '<w:tbl><w:tblPr><w:tblStyle w:val="Table"/>' ..
    string.format('<w:tblW w:type="dxa" w:w="%d"/>', text_width) .. '<w:tblLayout w:type="fixed"/>' ..
    '<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0" ' ..
    'w:val="0020"/></w:tblPr><w:tblGrid>' .. table.concat(grid) .. "</w:tblGrid>" .. table.concat(rows) ..
    "</w:tbl>")
end

-- Every picture (bvplan's charts) 16 cm wide, the text width of an A4 page with the
-- reference document's 2.5 cm margins, so that its text prints at the size the chart was
-- laid out for (at least 8 pt). pandoc's Word writer ignores a width in per cent; a page
-- narrower than 16 cm still gets the picture scaled down to fit.
function Image(image)
  image.attributes.width = "16cm"
  return image
end

function Pandoc(doc)
  local first = doc.blocks[1]
  if doc.meta.title and first and first.t == "Header" and first.level == 1 then
    doc.blocks:remove(1)
  end
  return doc
end
