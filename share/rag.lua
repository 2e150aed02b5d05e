-- bvplan's Lua filter for the Word paper (pandoc --lua-filter=rag.lua), shipped with
-- share/reference.docx: a table cell that holds only a RAG word (Red, Amber, Green,
-- Complete, after any shape sign such as "▲") is shaded in its colour and keeps the word
-- in bold, so it reads in colour, in black and white and to a screen reader; and the
-- title is given once, by the metadata block, not again by a first level-1 heading; and
-- every picture takes the text width.

local shades = {
  Red = { fill = "C00000", text = "FFFFFF" },
  Amber = { fill = "FFC000", text = "000000" },
  Green = { fill = "00B050", text = "000000" },
  Complete = { fill = "9DC3E6", text = "000000" },
}

local function xml(text)
  return (text:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

local function shade(cell)
  local text = pandoc.utils.stringify(cell.contents)
  local word = text:match("^[^%w]*%s*(%a+)%s*$")
  local colours = word and shades[word]
  if not colours then return end
  -- Run shading (behind the word, padded like a badge): a raw paragraph would make pandoc
  -- add an empty one after it in the cell.
  cell.contents = {
    pandoc.Plain({ pandoc.RawInline("openxml", string.format(
      '<w:r><w:rPr><w:b/><w:color w:val="%s"/><w:shd w:val="clear" w:color="auto" w:fill="%s"/></w:rPr>' ..
      '<w:t xml:space="preserve">\u{A0}%s\u{A0}</w:t></w:r>',
      colours.text, colours.fill, xml(text))) })
  }
end

local function shade_rows(rows)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do shade(cell) end
  end
end

function Table(table)
  for _, body in ipairs(table.bodies) do shade_rows(body.body) end
  return table
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
