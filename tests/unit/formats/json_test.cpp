#include "bvplan/formats/json.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("json writer: commas between members and elements, none after the last") {
  Output out;
  JsonWriter json(out);
  json.begin_object().key("a").number(1).key("b").string("x\"y").key("c").begin_array();
  json.number("1.5").null().boolean(true).boolean(false).end_array();
  json.key("d").begin_object().end_object().key("e").begin_array().end_array().end_object();
  CHECK(out.take() == R"({"a":1,"b":"x\"y","c":[1.5,null,true,false],"d":{},"e":[]})");
}

TEST_CASE("json writer: arrays one element per line, closing bracket on its own line or not") {
  Output out;
  JsonWriter json(out);
  json.begin_object().key("lines").begin_array({true, 2, true});
  json.begin_object().key("id").string("A1").key("tags").begin_array({true, 4, false}).string("t").string("u");
  json.end_array().end_object().number(2).end_array();
  json.key("empty").begin_array({true, 2, true}).end_array().end_object();
  CHECK(out.take() == "{\"lines\":[\n  {\"id\":\"A1\",\"tags\":[\n    \"t\",\n    \"u\"]},\n  2\n],\"empty\":[]}");
}

TEST_CASE("json writer: optional values and lists of strings") {
  Output out;
  JsonWriter json(out);
  json.begin_array().string_or_null(std::nullopt).string_or_null("s").number_or_null(std::nullopt);
  json.number_or_null("-3").strings({}).strings({"a", "b\n"}).number(-42).end_array();
  CHECK(out.take() == R"([null,"s",null,-3,[],["a","b\n"],-42])");
}

TEST_CASE("json writer, indented: a key a line, two spaces a level; arrays side by side unless laid out in lines") {
  Output out;
  JsonWriter json(out, JsonWriter::Indented{});
  json.begin_object().key("a").number(1).key("b").begin_object().key("c").begin_array().string("x").string("y");
  json.end_array().key("d").begin_array({true, 0, true}).begin_object().key("e").null().end_object().number(2);
  json.end_array().key("f").begin_object().end_object().key("g").begin_array({true, 0, true}).end_array();
  json.end_object().end_object();
  CHECK(out.take() ==
        "{\n"
        "  \"a\": 1,\n"
        "  \"b\": {\n"
        "    \"c\": [\"x\",\"y\"],\n"
        "    \"d\": [\n"
        "      {\n"
        "        \"e\": null\n"
        "      },\n"
        "      2\n"
        "    ],\n"
        "    \"f\": {},\n"
        "    \"g\": []\n"
        "  }\n"
        "}");
}
