package com.forum.petition;

import org.springframework.data.jpa.repository.JpaRepository;

interface Petitions extends JpaRepository<Petition, Long> {
}
