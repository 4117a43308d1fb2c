fn main() {
    let c = saidso::corpus::Corpus::embedded();
    for a in &c.articles {
        println!("{} | {} | {:?} | {}", a.path, a.title, a.byline, a.words);
        for (i, p) in a.paragraphs.iter().enumerate() {
            println!(
                "   {i:2} {:?} {}",
                p.kind,
                a.paragraph_text(i).chars().take(60).collect::<String>()
            );
        }
    }
}
