/**
 * Satisfaction (CSAT): the asker rates the help once their support question is solved, and the
 * author and the voters rate the outcome once a petition has shipped or been declined. One rating
 * per member and subject, changeable; the share of satisfied ratings is a figure on the employees'
 * dashboard. Threads and petitions are named by their ids; their facts are read through their
 * features' query services.
 */
package com.forum.satisfaction;
