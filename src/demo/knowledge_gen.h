// The own brand's knowledge base (FAQ, product sheets, policies) and test
// questions phrased differently from the FAQ, each with the document that
// answers it: the truth for retrieval and chatbot evaluation.
#pragma once

#include <string>
#include <vector>

#include "demo/customers_gen.h"

namespace brandlens::demo {

struct KbDocument {
  std::string id, kind, title, body;
};

struct TestQuestion {
  std::string question;
  std::string doc_id;  // the document that answers it
};

struct Knowledge {
  std::vector<KbDocument> documents;
  std::vector<TestQuestion> questions;
};

Knowledge GenerateKnowledge(const std::vector<DemoProduct>& products);

}  // namespace brandlens::demo
