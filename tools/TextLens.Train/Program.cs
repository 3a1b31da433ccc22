using System.CommandLine;
using TextLens.Train;

// Training and evaluation commands for TextLens models. Each model kind adds its sub-commands from its own file
// (PosCommands.cs: `pos`, `eval`), so new kinds (e.g. `ner`) are one new file plus one line here.
var root = new RootCommand("Train and evaluate TextLens models.");
PosCommands.AddTo(root);
NerCommands.AddTo(root);
SentimentCommands.AddTo(root);
StanceCommands.AddTo(root);
return root.Parse(args).Invoke();
